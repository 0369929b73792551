using Gatehouse.Cedar.Evaluation;
using Gatehouse.Cedar.Syntax;

namespace Gatehouse.Cedar.Authorization;

/// <summary>One scope element made ready for matching; scope checks never error.</summary>
internal sealed class ScopeMatcher
{
    private readonly ScopeKind _kind;
    private readonly EntityUid _target;
    private readonly string? _type;
    private readonly EntityUid[] _targets;

    public ScopeMatcher(ScopeConstraint constraint)
    {
        if (constraint.HasSlot)
        {
            throw new CedarException($"slot {constraint.Slot} is not linked");
        }

        _kind = constraint.Kind;
        _target = constraint.Entity ?? default;
        _type = constraint.EntityType;
        _targets = [.. constraint.Entities];
    }

    public ScopeKind Kind => _kind;

    public EntityUid Target => _target;

    public IReadOnlyList<EntityUid> Targets => _targets;

    public bool Matches(CedarEntityRef entity, EvaluationContext context)
    {
        var uid = entity.Uid;
        switch (_kind)
        {
            case ScopeKind.Any:
                return true;
            case ScopeKind.Equal:
                return uid == _target;
            case ScopeKind.In:
                return context.IsInOrEqual(entity, _target);
            case ScopeKind.Is:
                return string.Equals(uid.Type, _type, StringComparison.Ordinal);
            case ScopeKind.IsIn:
                return string.Equals(uid.Type, _type, StringComparison.Ordinal) && context.IsInOrEqual(entity, _target);
            default:
                foreach (var target in _targets)
                {
                    if (context.IsInOrEqual(entity, target))
                    {
                        return true;
                    }
                }

                return false;
        }
    }
}
