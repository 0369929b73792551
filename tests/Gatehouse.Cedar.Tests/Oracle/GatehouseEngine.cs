using System.Collections.Immutable;

namespace Gatehouse.Cedar.Tests.Oracle;

/// <summary>Gatehouse.Cedar answering a differential case through its public API, as a user would call it.</summary>
internal static class GatehouseEngine
{
    public static AuthorizationOutcome Authorize(DifferentialCase @case)
    {
        try
        {
            var policies = PolicySet.Parse(@case.Policies);
            var entities = Entities.FromJson(@case.EntitiesJson);
            var request = AuthorizationRequest.FromJson(@case.RequestJson);
            var response = new Authorizer(policies).IsAuthorized(request, entities);
            var erroring = ImmutableSortedSet.CreateBuilder<string>(StringComparer.Ordinal);
            var messages = new List<string>();
            foreach (var error in response.Errors)
            {
                erroring.Add(error.PolicyId);
                messages.Add(error.PolicyId + ": " + error.Message);
            }

            return new AuthorizationOutcome(
                false,
                response.Decision == CedarDecision.Allow,
                response.DeterminingPolicies.ToImmutableSortedSet(StringComparer.Ordinal),
                erroring.ToImmutable(),
                string.Join("; ", messages));
        }
        catch (CedarException exception)
        {
            return AuthorizationOutcome.Refusal(exception.Message);
        }
#pragma warning disable CA1031 // Any other exception is a crash the comparison must report, not end the run.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return AuthorizationOutcome.Crash(exception);
        }
    }
}
