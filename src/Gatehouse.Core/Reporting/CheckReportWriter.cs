using System.Text.Json;
using Gatehouse.Core.Decisions;
using Gatehouse.Core.Model;
using Gatehouse.Core.Policy;

namespace Gatehouse.Core.Reporting;

/// <summary>
/// Writes one check result in the contract's JSON shape:
/// <c>{"id","decision","risk","actions":[…],"rules":[…],"reason"}</c>. Hand-written with
/// <see cref="Utf8JsonWriter"/>: no reflection, stable field order, and cheap enough for batch mode.
/// </summary>
public static class CheckReportWriter
{
    public static void Write(Utf8JsonWriter writer, string? id, Verdict verdict, Classification classification, bool includeSegments = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(verdict);
        ArgumentNullException.ThrowIfNull(classification);

        writer.WriteStartObject();
        if (id is not null)
        {
            writer.WriteString("id", id);
        }

        writer.WriteString("decision", WireNames.Of(verdict.Decision));
        writer.WriteString("risk", WireNames.Of(verdict.Risk));
        writer.WriteStartArray("actions");
        foreach (var action in classification.Actions)
        {
            WriteAction(writer, action, FindVerdict(verdict, action));
        }

        writer.WriteEndArray();
        writer.WriteStartArray("rules");
        foreach (var rule in verdict.Rules)
        {
            writer.WriteStringValue(rule);
        }

        writer.WriteEndArray();
        writer.WriteString("reason", verdict.Reason);
        WriteStrings(writer, "policies", verdict.Policies);
        if (verdict.Approval is { } approval)
        {
            WriteApproval(writer, approval);
        }

        if (includeSegments)
        {
            writer.WriteStartArray("segments");
            foreach (var segment in classification.Segments)
            {
                writer.WriteStartObject();
                writer.WriteString("path", segment.Path);
                writer.WriteString("text", segment.Text);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    /// <summary>A line for input that could not be checked at all (malformed batch line): it is denied, with why.</summary>
    public static void WriteError(Utf8JsonWriter writer, string? id, string error)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        if (id is not null)
        {
            writer.WriteString("id", id);
        }

        writer.WriteString("decision", WireNames.Of(Decision.Deny));
        writer.WriteString("risk", WireNames.Of(Risk.Critical));
        writer.WriteStartArray("actions");
        writer.WriteEndArray();
        writer.WriteStartArray("rules");
        writer.WriteStringValue("gatehouse.invalid-input");
        writer.WriteEndArray();
        writer.WriteString("reason", error);
        writer.WriteString("error", error);
        writer.WriteEndObject();
    }

    private static void WriteAction(Utf8JsonWriter writer, AgentAction action, ActionVerdict? decided)
    {
        writer.WriteStartObject();
        writer.WriteString("verb", WireNames.Of(action.Verb));
        writer.WriteStartObject("target");
        writer.WriteString("kind", action.Target.Kind);
        if (action.Target.Id is null)
        {
            writer.WriteNull("id");
        }
        else
        {
            writer.WriteString("id", action.Target.Id);
        }

        writer.WriteStartArray("environments");
        foreach (var environment in action.Target.Environments)
        {
            writer.WriteStringValue(environment);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteString("tool", action.Tool);
        writer.WriteBoolean("reversible", action.Reversible);
        writer.WriteString("risk", WireNames.Of(action.Risk));
        writer.WriteString("path", action.Path);
        writer.WriteString("rule", action.RuleId);
        writer.WriteString("reason", action.Reason);
        writer.WriteStartArray("tags");
        foreach (var tag in action.Tags)
        {
            writer.WriteStringValue(tag);
        }

        writer.WriteEndArray();
        if (decided is not null)
        {
            WriteDecided(writer, decided);
        }

        writer.WriteEndObject();
    }

    /// <summary>The action's own decision, the policies that matched it, and what the inventory resolved about its target.</summary>
    private static void WriteDecided(Utf8JsonWriter writer, ActionVerdict decided)
    {
        writer.WriteString("decision", WireNames.Of(decided.Decision));
        writer.WriteString("policyRisk", WireNames.Of(decided.Risk));
        WriteStrings(writer, "forbids", decided.Forbids);
        WriteStrings(writer, "permits", decided.Permits);
        if (decided.Errors.Count > 0)
        {
            WriteStrings(writer, "errors", decided.Errors);
        }

        var facts = decided.Target;
        writer.WriteStartObject("resolution");
        writer.WriteBoolean("known", facts.Known);
        WriteStrings(writer, "environments", facts.Environments);
        if (facts.EffectiveEnvironment is null)
        {
            writer.WriteNull("effectiveEnvironment");
        }
        else
        {
            writer.WriteString("effectiveEnvironment", facts.EffectiveEnvironment);
        }

        writer.WriteStartObject("blastRadius");
        WriteStrings(writer, "environments", facts.ReachedEnvironments);
        WriteStrings(writer, "resources", facts.ReachedResources);
        writer.WriteEndObject();
        writer.WriteBoolean("destroysLastBackup", facts.DestroysLastBackup);
        writer.WriteBoolean("holdsOwnBackups", facts.HoldsOwnBackups);
        WriteStrings(writer, "backupsOf", facts.BackupsOf);
        WriteStrings(writer, "evidence", facts.Evidence);
        writer.WriteEndObject();
    }

    private static void WriteApproval(Utf8JsonWriter writer, ApprovalRequirement approval)
    {
        writer.WriteStartObject("approval");
        writer.WriteNumber("approvers", approval.Approvers);
        WriteStrings(writer, "groups", approval.ApproverGroups);
        if (approval.Ttl is { } ttl)
        {
            writer.WriteNumber("ttlSeconds", (long)ttl.TotalSeconds);
        }

        writer.WriteNumber("cooldownSeconds", (long)approval.Cooldown.TotalSeconds);
        writer.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static ActionVerdict? FindVerdict(Verdict verdict, AgentAction action)
    {
        foreach (var candidate in verdict.Actions)
        {
            if (ReferenceEquals(candidate.Action, action))
            {
                return candidate;
            }
        }

        return null;
    }
}
