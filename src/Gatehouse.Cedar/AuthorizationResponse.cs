namespace Gatehouse.Cedar;

/// <summary>
/// The decision, the policies that determined it (Allow: satisfied permits; Deny: satisfied forbids, possibly none),
/// and the policies skipped because they errored.
/// </summary>
public sealed record AuthorizationResponse(CedarDecision Decision, IReadOnlyList<string> DeterminingPolicies, IReadOnlyList<PolicyError> Errors);
