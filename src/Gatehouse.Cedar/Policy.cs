using Gatehouse.Cedar.Syntax;

namespace Gatehouse.Cedar;

/// <summary>A parsed Cedar policy: static, a template (has slots), or a policy linked from a template.</summary>
public sealed class Policy
{
    internal Policy(
        string id,
        PolicyEffect effect,
        IReadOnlyDictionary<string, string> annotations,
        ScopeConstraint principal,
        ScopeConstraint action,
        ScopeConstraint resource,
        IReadOnlyList<Condition> conditions,
        string? templateId,
        int line,
        int column,
        string? source)
    {
        Id = id;
        Effect = effect;
        Annotations = annotations;
        Principal = principal;
        Action = action;
        Resource = resource;
        Conditions = conditions;
        TemplateId = templateId;
        Line = line;
        Column = column;
        Source = source;
    }

    public string Id { get; }

    public PolicyEffect Effect { get; }

    public IReadOnlyDictionary<string, string> Annotations { get; }

    public bool IsTemplate => Principal.HasSlot || Resource.HasSlot;

    public string? TemplateId { get; }

    public int Line { get; }

    public int Column { get; }

    public string? Source { get; }

    internal ScopeConstraint Principal { get; }

    internal ScopeConstraint Action { get; }

    internal ScopeConstraint Resource { get; }

    internal IReadOnlyList<Condition> Conditions { get; }

    internal Policy WithIds(string id, string? templateId) =>
        new(id, Effect, Annotations, Principal, Action, Resource, Conditions, templateId, Line, Column, Source);

    internal Policy Link(string newId, IReadOnlyDictionary<string, EntityUid> slots) =>
        new(newId, Effect, Annotations, Principal.Link(slots), Action, Resource.Link(slots), Conditions, Id, Line, Column, Source);

    /// <summary>The policy in Cedar syntax; parsing it gives back an equivalent policy.</summary>
    public override string ToString() => PolicyPrinter.Print(this);
}
