namespace Gatehouse.Cedar.Tests.Oracle;

/// <summary>How a batch of answers splits between Allow, Deny, answers with erroring policies, and refusals.</summary>
internal sealed record OutcomeMix(int Allow, int Deny, int WithErrors, int Refused)
{
    public static OutcomeMix Of(IEnumerable<AuthorizationOutcome> outcomes)
    {
        int allow = 0, deny = 0, errors = 0, refused = 0;
        foreach (var outcome in outcomes)
        {
            if (outcome.Refused)
            {
                refused++;
                continue;
            }

            if (outcome.Allow)
            {
                allow++;
            }
            else
            {
                deny++;
            }

            if (!outcome.Erroring.IsEmpty)
            {
                errors++;
            }
        }

        return new OutcomeMix(allow, deny, errors, refused);
    }

    public override string ToString() =>
        $"mix: {Allow} allow, {Deny} deny, {WithErrors} with erroring policies, {Refused} refused as a whole";
}
