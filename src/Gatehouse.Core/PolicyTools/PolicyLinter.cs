using Gatehouse.Cedar;
using Gatehouse.Core.Policy;

namespace Gatehouse.Core.PolicyTools;

/// <summary>
/// Lints a loaded policy set. Errors: a name the requests never carry (an action, an entity type, an
/// attribute) — in strict validation such a policy does not type-check. Warnings: policies that can
/// never apply, and policies shadowed by another. Conservative by design: only what the policy text
/// itself proves is reported (an unconditioned forbid whose scope is as broad, an exact duplicate),
/// never a guess about what conditions imply.
/// </summary>
public static class PolicyLinter
{
    public static IReadOnlyList<LintFinding> Lint(PolicySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var vocabulary = PolicyVocabulary.Instance;
        var findings = new List<LintFinding>();
        var shapes = new List<(PolicyInfo Info, PolicyShape Shape)>();
        foreach (var policy in snapshot.Policies.Policies)
        {
            var info = snapshot.Infos[policy.Id];
            var shape = PolicyShape.Of(policy);
            shapes.Add((info, shape));
            CheckScope(findings, info, shape, vocabulary);
            CheckConditions(findings, info, shape, vocabulary);
        }

        CheckShadowing(findings, shapes);
        return findings;
    }

    private static void CheckScope(List<LintFinding> findings, PolicyInfo info, PolicyShape shape, PolicyVocabulary vocabulary)
    {
        foreach (var (variable, text, expectedType) in (ReadOnlySpan<(string, string, string)>)[
            ("principal", shape.Principal, PolicyVocabulary.PrincipalType),
            ("action", shape.Action, PolicyVocabulary.ActionType),
            ("resource", shape.Resource, PolicyVocabulary.ResourceType)])
        {
            // "principal is T" names a type without an entity literal.
            const string IsPrefix = " is ";
            var isAt = text.IndexOf(IsPrefix, StringComparison.Ordinal);
            if (isAt >= 0)
            {
                var type = text[(isAt + IsPrefix.Length)..].Split(' ')[0];
                CheckType(findings, info, variable, type, expectedType);
            }

            foreach (var (type, id) in PolicyReferences.Find(text).Entities)
            {
                if (!CheckType(findings, info, variable, type, expectedType))
                {
                    continue;
                }

                if (variable == "action")
                {
                    CheckAction(findings, info, id, vocabulary);
                    if (text.StartsWith("action == ", StringComparison.Ordinal) && vocabulary.Groups.Contains(id))
                    {
                        findings.Add(Warning(info, "never-applies", $"'action == {PolicyVocabulary.ActionType}::\"{id}\"' names an action group; a request's action is always a verb, so this never matches (use 'in')."));
                    }
                }
            }
        }
    }

    /// <returns>False when the type is wrong for the variable (the finding is recorded).</returns>
    private static bool CheckType(List<LintFinding> findings, PolicyInfo info, string variable, string type, string expectedType)
    {
        if (string.Equals(type, expectedType, StringComparison.Ordinal))
        {
            return true;
        }

        var known = type is PolicyNames.AgentType or PolicyNames.ResourceType or PolicyNames.ActionType;
        findings.Add(known
            ? Warning(info, "never-applies", $"the scope constrains {variable} to {type}, but every request's {variable} is a {expectedType}.")
            : Error(info, "unknown-type", $"the scope names entity type {type}, which the schema does not declare (the {variable} is a {expectedType})."));
        return false;
    }

    private static void CheckAction(List<LintFinding> findings, PolicyInfo info, string id, PolicyVocabulary vocabulary)
    {
        if (!vocabulary.Actions.Contains(id) && !vocabulary.Groups.Contains(id))
        {
            findings.Add(Error(info, "unknown-action", $"{PolicyVocabulary.ActionType}::\"{id}\" is neither an action nor an action group of the schema."));
        }
    }

    private static void CheckConditions(List<LintFinding> findings, PolicyInfo info, PolicyShape shape, PolicyVocabulary vocabulary)
    {
        foreach (var (isWhen, body) in shape.Conditions)
        {
            var literal = StripParentheses(body);
            if ((isWhen && literal == "false") || (!isWhen && literal == "true"))
            {
                findings.Add(Warning(info, "never-applies", $"the condition '{(isWhen ? "when" : "unless")} {{ {literal} }}' is literally false for every request."));
            }

            var (attributes, entities) = PolicyReferences.Find(body);
            foreach (var (variable, attribute, field) in attributes)
            {
                if (!vocabulary.Attributes[variable].Contains(attribute))
                {
                    findings.Add(Error(info, "unknown-attribute", $"{variable}.{attribute} is not an attribute the schema declares for the {variable}."));
                }
                else if (field is not null && vocabulary.Nested.TryGetValue($"{variable}.{attribute}", out var fields) && !fields.Contains(field))
                {
                    findings.Add(Error(info, "unknown-attribute", $"{variable}.{attribute}.{field} is not a field of {variable}.{attribute}."));
                }
            }

            foreach (var (type, id) in entities)
            {
                if (type == PolicyVocabulary.ActionType)
                {
                    CheckAction(findings, info, id, vocabulary);
                }
                else if (type is not (PolicyNames.AgentType or PolicyNames.ResourceType))
                {
                    findings.Add(Error(info, "unknown-type", $"the condition names entity type {type}, which the schema does not declare."));
                }
            }
        }
    }

    private static void CheckShadowing(List<LintFinding> findings, List<(PolicyInfo Info, PolicyShape Shape)> shapes)
    {
        for (var i = 0; i < shapes.Count; i++)
        {
            var (info, shape) = shapes[i];
            for (var j = 0; j < shapes.Count; j++)
            {
                if (i == j)
                {
                    continue;
                }

                var (otherInfo, other) = shapes[j];
                if (j < i && string.Equals(shape.Body, other.Body, StringComparison.Ordinal) && info.Approval?.Describe() == otherInfo.Approval?.Describe())
                {
                    findings.Add(Warning(info, "duplicate", $"decides exactly as {otherInfo.Name} ({otherInfo.Location}); one of them is redundant."));
                    break;
                }

                if (other.Conditions.Count > 0 || !shape.ScopeWithin(other))
                {
                    continue;
                }

                if (shape.Effect == PolicyEffect.Permit && other.Effect == PolicyEffect.Forbid)
                {
                    findings.Add(Warning(info, "shadowed", $"can never allow or ask for approval: {otherInfo.Name} ({otherInfo.Location}) forbids everything in its scope without a condition."));
                    break;
                }

                if (shape.Effect == PolicyEffect.Permit && info.Approval is not null && other.Effect == PolicyEffect.Permit && otherInfo.Approval is null)
                {
                    findings.Add(Warning(info, "shadowed", $"its approval requirement never applies: {otherInfo.Name} ({otherInfo.Location}) allows everything in its scope without a condition."));
                    break;
                }
            }
        }
    }

    private static string StripParentheses(string text)
    {
        var value = text.Trim();
        while (value.Length >= 2 && value[0] == '(' && value[^1] == ')')
        {
            value = value[1..^1].Trim();
        }

        return value;
    }

    private static LintFinding Error(PolicyInfo info, string code, string message) => new(LintSeverity.Error, code, info.Name, info.Location, message);

    private static LintFinding Warning(PolicyInfo info, string code, string message) => new(LintSeverity.Warning, code, info.Name, info.Location, message);
}
