namespace Gatehouse.Cedar.Evaluation;

/// <summary>
/// Everything one decision reads: the request's variables (as values, built once) and the entity store.
/// The principal's and resource's entities and ancestor sets are looked up at most once per decision, because
/// nearly every scope check and attribute read in a policy set is about those two.
/// </summary>
internal sealed class EvaluationContext
{
    private Entity? _principalEntity;
    private Entity? _resourceEntity;
    private bool _principalLooked;
    private bool _resourceLooked;

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

    public HashSet<EntityUid> ResourceAncestors => field ??= Entities.AncestorsOf(Request.Resource);

    public bool IsInOrEqual(EntityUid child, EntityUid ancestor) => child == ancestor || Entities.IsDescendant(child, ancestor);

    /// <summary>Like <see cref="IsInOrEqual(EntityUid, EntityUid)"/>, using the cached sets when the value is the request's own principal or resource.</summary>
    public bool IsInOrEqual(CedarEntityRef child, EntityUid ancestor)
    {
        if (ReferenceEquals(child, Principal))
        {
            return child.Uid == ancestor || PrincipalAncestors.Contains(ancestor);
        }

        if (ReferenceEquals(child, Resource))
        {
            return child.Uid == ancestor || ResourceAncestors.Contains(ancestor);
        }

        return IsInOrEqual(child.Uid, ancestor);
    }

    /// <summary>The entity a value refers to, or null when the store has none.</summary>
    public Entity? Find(CedarEntityRef entity)
    {
        if (ReferenceEquals(entity, Principal))
        {
            if (!_principalLooked)
            {
                _principalEntity = Entities.Find(entity.Uid);
                _principalLooked = true;
            }

            return _principalEntity;
        }

        if (ReferenceEquals(entity, Resource))
        {
            if (!_resourceLooked)
            {
                _resourceEntity = Entities.Find(entity.Uid);
                _resourceLooked = true;
            }

            return _resourceEntity;
        }

        return Entities.Find(entity.Uid);
    }
}
