using Gatehouse.Core.Decisions;
using Gatehouse.Core.Model;
using Gatehouse.Core.Reporting;

namespace Gatehouse.Core.Hooks;

/// <summary>
/// The words Gatehouse sends back. A denied model tends to reroute to a worse approach, so every deny says what the safe
/// alternative is and asks it not to look for another way; an approval an agent cannot ask for tells the person how to give it.
/// </summary>
internal static class HookMessages
{
    private const string NoWorkaround =
        "Do not try to reach the same result another way (a different command, a script, another tool, or editing Gatehouse or hook settings); stop and tell the user what you wanted to do and why.";

    public static HookOutcome For(Verdict verdict, string tool, IReadOnlyList<AgentAction> actions)
    {
        var what = Describe(actions, verdict.Decision);
        return verdict.Decision switch
        {
            Decision.Allow => new HookOutcome(Decision.Allow, string.Empty, string.Empty),
            Decision.Approve => new HookOutcome(
                Decision.Approve,
                $"Gatehouse requires a person's approval for this {tool} call ({what}): {verdict.Reason} {NoWorkaround}",
                $"Gatehouse: approval needed for {tool} ({what}). {verdict.Reason}"),
            _ => new HookOutcome(
                Decision.Deny,
                $"Gatehouse blocked this {tool} call ({what}). Why: {verdict.Reason} Safe alternative: {Alternative(actions)} {NoWorkaround}",
                $"Gatehouse blocked {tool} ({what}). {verdict.Reason}"),
        };
    }

    /// <summary>For agents whose hooks cannot ask (Codex, Gemini): the approval becomes a deny that says how a person approves.</summary>
    public static HookOutcome ApprovalAsDeny(HookOutcome approval, string tool) => approval with
    {
        Decision = Decision.Deny,
        ModelMessage = $"{approval.ModelMessage} It was not run. This agent cannot pause for approval, so ask the user to approve it: "
            + $"they can run it themselves in their own terminal, or allow it in the Gatehouse policy (.gatehouse/); `gatehouse log` shows this {tool} call and why it was held.",
    };

    public static HookOutcome Failure(string problem) => new(
        Decision.Deny,
        $"Gatehouse could not check this tool call ({problem}), so it was blocked: an action that cannot be checked is not run. Retrying the same call will not help; tell the user that Gatehouse reported: {problem}.",
        $"Gatehouse blocked a tool call it could not check: {problem}.");

    private static string Describe(IReadOnlyList<AgentAction> actions, Decision decision)
    {
        foreach (var action in actions)
        {
            if (action.Verb.IsMutating() || action.HasTag(Tags.CredentialAccess) || decision == Decision.Allow)
            {
                var target = action.Target.Id is null ? action.Target.Kind : $"{action.Target.Kind} {Shorten(action.Target.Id)}";
                return $"{WireNames.Of(action.Verb)} {target} via {action.Tool}";
            }
        }

        return actions.Count > 0 ? $"{WireNames.Of(actions[0].Verb)} via {actions[0].Tool}" : "no action";
    }

    private static string Alternative(IReadOnlyList<AgentAction> actions)
    {
        foreach (var action in actions)
        {
            if (action.HasTag(Tags.Tampering))
            {
                return "leave Gatehouse, its policies and the agent's hook settings as they are; if they are wrong, ask the user to change them.";
            }
        }

        foreach (var action in actions)
        {
            if (action.HasTag(Tags.CredentialAccess))
            {
                return "work without the secret: use the configured environment, or ask the user for the specific non-secret value you need.";
            }
        }

        return "use a read-only or dry-run form (list, describe, status, plan, diff, --dry-run) to learn what you need, and ask the user to run the change themselves if it is really needed.";
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : string.Concat(text.AsSpan(0, 117), "...");
}
