using Gatehouse.Cedar.Evaluation;

namespace Gatehouse.Cedar.Authorization;

/// <summary>A policy ready to evaluate: matchers for its scope and closures for its conditions.</summary>
internal sealed class CompiledPolicy
{
    private readonly CompiledExpr[] _conditions;
    private readonly bool[] _isWhen;

    public CompiledPolicy(Policy policy, int index)
    {
        Policy = policy;
        Index = index;
        Principal = new ScopeMatcher(policy.Principal);
        Action = new ScopeMatcher(policy.Action);
        Resource = new ScopeMatcher(policy.Resource);
        _conditions = new CompiledExpr[policy.Conditions.Count];
        _isWhen = new bool[policy.Conditions.Count];
        for (var i = 0; i < _conditions.Length; i++)
        {
            _conditions[i] = ExpressionCompiler.Compile(policy.Conditions[i].Body);
            _isWhen[i] = policy.Conditions[i].IsWhen;
        }
    }

    public Policy Policy { get; }

    public int Index { get; }

    public ScopeMatcher Principal { get; }

    public ScopeMatcher Action { get; }

    public ScopeMatcher Resource { get; }

    public bool ScopeMatches(EvaluationContext context) =>
        Principal.Matches(context.Principal, context)
        && Action.Matches(context.Action, context)
        && Resource.Matches(context.Resource, context);

    /// <summary>True when every when-condition holds and no unless-condition does; throws on evaluation errors.</summary>
    public bool ConditionsHold(EvaluationContext context)
    {
        for (var i = 0; i < _conditions.Length; i++)
        {
            if (Operators.AsBool(_conditions[i](context)) != _isWhen[i])
            {
                return false;
            }
        }

        return true;
    }
}
