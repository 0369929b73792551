using System.Text;
using Gatehouse.Core.Analysis;
using Gatehouse.Core.Decisions;
using Gatehouse.Core.Model;
using Gatehouse.Core.Reporting;

namespace Gatehouse.Core.Policy;

/// <summary>Folds the per-action decisions of one input into its verdict: the strictest action decides.</summary>
internal static class VerdictComposer
{
    public static Verdict Compose(ActionVerdict[] verdicts)
    {
        var decision = Decision.Allow;
        var risk = Risk.None;
        ActionVerdict? determining = null;
        foreach (var verdict in verdicts)
        {
            var reported = ReportedRisk(verdict);
            if (reported > risk)
            {
                risk = reported;
            }

            if (determining is null || verdict.Decision > decision)
            {
                decision = verdict.Decision;
                determining = verdict;
            }
        }

        List<string> rules = [];
        List<string> policies = [];
        ApprovalRequirement? approval = null;
        foreach (var verdict in verdicts)
        {
            if (verdict.Decision != decision)
            {
                continue;
            }

            AddOnce(rules, verdict.Action.RuleId);
            foreach (var policy in verdict.DeterminingPolicies)
            {
                AddOnce(policies, policy);
            }

            if (verdict.Approval is { } requirement)
            {
                approval = approval is null ? requirement : approval.CombineStrictest(requirement);
            }
        }

        return new Verdict(decision, risk, rules, ReasonFor(determining!, approval))
        {
            Approval = decision == Decision.Approve ? approval : null,
            Policies = policies,
            Actions = verdicts,
        };
    }

    /// <summary>
    /// The risk reported to people: what the policies saw, raised when a change reaches production
    /// (the policies weigh production themselves; this only keeps the reported number honest).
    /// </summary>
    private static Risk ReportedRisk(ActionVerdict verdict)
    {
        var risk = verdict.Risk;
        var action = verdict.Action;
        var mutating = action.Verb.IsMutating();
        if (mutating && !ActionGroups.IsProtective(action) && Contains(verdict.Target.ReachedEnvironments, EnvironmentResolver.Production))
        {
            var floor = action.Verb.IsDestructive() && risk >= Risk.High ? Risk.Critical : Risk.High;
            if (risk < floor)
            {
                risk = floor;
            }
        }

        return risk;
    }

    private static string ReasonFor(ActionVerdict verdict, ApprovalRequirement? approval)
    {
        var action = verdict.Action;
        var target = action.Target.Id is null ? action.Target.Kind : $"{action.Target.Kind} {action.Target.Id}";
        var text = new StringBuilder();
        switch (verdict.Decision)
        {
            case Decision.Allow:
                text.Append("Allowed: ").Append(action.Reason);
                AppendPolicies(text, verdict.Permits);
                return text.ToString();
            case Decision.Approve:
                text.Append("Needs approval (").Append(approval?.Describe() ?? "1 approver").Append("): ");
                break;
            default:
                text.Append("Denied: ");
                break;
        }

        text.Append(action.Reason).Append(" (").Append(action.Tool).Append(" → ").Append(target);
        var facts = verdict.Target;
        if (facts.ReachedEnvironments.Count > 0)
        {
            text.Append(" reaching ").AppendJoin(", ", facts.ReachedEnvironments);
        }

        text.Append(')');
        if (Contains(facts.ReachedEnvironments, EnvironmentResolver.Production) && !Contains(action.Target.Environments, EnvironmentResolver.Production))
        {
            text.Append("; it reaches production");
            if (facts.ReachedResources.Count > 0)
            {
                text.Append(" through ").AppendJoin(", ", facts.ReachedResources);
            }
        }

        if (facts.DestroysLastBackup)
        {
            text.Append("; it destroys the last backups of ").AppendJoin(", ", facts.BackupsOf.Count > 0 ? facts.BackupsOf : ["what it backs up"]);
        }
        else if (facts.BackupsOf.Count > 0 && action.HasTag(Tags.DestroysBackups))
        {
            text.Append("; it destroys the backups of ").AppendJoin(", ", facts.BackupsOf);
        }

        if (facts.HoldsOwnBackups)
        {
            text.Append("; it holds its own backups");
        }

        if (verdict.Errors.Count > 0)
        {
            text.Append("; evaluation error: ").AppendJoin("; ", verdict.Errors);
        }
        else if (verdict.Decision == Decision.Deny && verdict.Forbids.Count == 0)
        {
            text.Append("; no policy permits it");
        }
        else
        {
            AppendPolicies(text, verdict.DeterminingPolicies);
        }

        return text.Append('.').ToString();
    }

    private static void AppendPolicies(StringBuilder text, IReadOnlyList<string> policies)
    {
        if (policies.Count > 0)
        {
            text.Append(policies.Count == 1 ? " [policy " : " [policies ").AppendJoin(", ", policies).Append(']');
        }
    }

    private static void AddOnce(List<string> list, string value)
    {
        if (!list.Contains(value))
        {
            list.Add(value);
        }
    }

    private static bool Contains(IReadOnlyList<string> values, string value)
    {
        foreach (var candidate in values)
        {
            if (string.Equals(candidate, value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
