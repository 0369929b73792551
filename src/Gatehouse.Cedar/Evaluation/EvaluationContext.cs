namespace Gatehouse.Cedar.Evaluation;

/// <summary>Everything one decision reads: the request's variables (as values, built once) and the entity store.</summary>
internal sealed class EvaluationContext
{
    public EvaluationContext(AuthorizationRequest request, Entities entities)
    {
        Request = request;
        Entities = entities;
        Principal = new CedarEntityRef(request.Principal);
        Action = new CedarEntityRef(request.Action);
        Resource = new CedarEntityRef(request.Resource);
    }

    public AuthorizationRequest Request { get; }

    public Entities Entities { get; }

    public CedarEntityRef Principal { get; }

    public CedarEntityRef Action { get; }

    public CedarEntityRef Resource { get; }

    public HashSet<EntityUid> PrincipalAncestors => field ??= Entities.AncestorsOf(Request.Principal);

    public bool IsInOrEqual(EntityUid child, EntityUid ancestor) => child == ancestor || Entities.IsDescendant(child, ancestor);
}
