using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Xunit.Abstractions;

namespace Gatehouse.Cedar.Tests.Oracle;

/// <summary>
/// Strict validation against cedar-wasm's: the generator's policy sets (which use the vocabulary's attributes
/// with the wrong kind, missing ones and impossible scopes often) against a schema that describes that
/// vocabulary. Valid/invalid and the set of failing policy ids must match.
/// </summary>
[Collection(CedarOracleCollection.Name)]
public sealed class ValidationDifferentialTests(CedarOracleFixture fixture, ITestOutputHelper output)
{
    private const string Schema = """
        namespace App { entity Role; }
        type Info = { level: Long, active: Bool };
        entity Group in [Group, App::Role] { name?: String, level?: Long };
        entity User in [Group, App::Role] {
          age: Long, level?: Long, name: String, owner?: User, manager?: User, roles: Set<String>, nums?: Set<Long>,
          info: Info, addr?: ipaddr, balance?: decimal, since?: datetime, ttl?: duration, private?: Bool
        } tags String;
        entity Folder in [Folder] { owner?: User, name?: String, level?: Long, private?: Bool };
        entity Doc in [Folder] { owner: User, private: Bool, level?: Long, name?: String, labels?: Set<String> } tags String;
        type Ctx = {
          authenticated?: Bool, hour: Long, src?: ipaddr, amount?: decimal, now?: datetime, window?: duration,
          labels?: Set<String>, who?: User, name?: String
        };
        action any;
        action manage in [any];
        action read, write in [manage] appliesTo { principal: [User], resource: [Doc, Folder], context: Ctx };
        action delete in [any] appliesTo { principal: [User, Group], resource: [Doc], context: Ctx };
        """;

    public static TheoryData<string> Handwritten => new(HandwrittenCases.Keys);

    private static readonly ImmutableDictionary<string, string> HandwrittenCases = new Dictionary<string, string>
    {
        ["valid scope and attribute"] = "permit(principal in Group::\"staff\", action == Action::\"read\", resource is Doc) when { principal.age > 17 && resource.owner == principal };",
        ["unknown attribute"] = "permit(principal, action, resource) when { principal.height > 1 };",
        ["optional attribute without has"] = "permit(principal, action == Action::\"read\", resource) when { principal.level > 1 };",
        ["optional attribute with has"] = "permit(principal, action == Action::\"read\", resource) when { principal has level && principal.level > 1 };",
        ["unknown entity type"] = "permit(principal == Robot::\"r2\", action, resource);",
        ["unknown action"] = "permit(principal, action == Action::\"fly\", resource);",
        ["impossible scope"] = "permit(principal is Doc, action == Action::\"read\", resource);",
        ["type error"] = "permit(principal, action, resource) when { principal.name + 1 == 2 };",
        ["wrong extension method"] = "permit(principal, action == Action::\"read\", resource) when { context.hour.isIpv4() };",
        ["tag type"] = "permit(principal, action == Action::\"read\", resource) when { principal.hasTag(\"env\") && principal.getTag(\"env\") == \"prod\" };",
        ["tag without hasTag"] = "permit(principal, action == Action::\"read\", resource) when { principal.getTag(\"env\") == \"prod\" };",
        ["context record"] = "permit(principal, action in [Action::\"read\", Action::\"write\"], resource) when { context.hour < 18 && context has src && context.src.isLoopback() };",
        ["namespaced parent"] = "permit(principal in App::Role::\"auditor\", action == Action::\"delete\", resource);",
        ["second policy fails"] = "permit(principal, action, resource);\nforbid(principal, action, resource) when { resource.nothing };",
        ["impossible is skips the in operand"] = "permit(principal, action == Action::\"read\", resource) when { principal is Doc in [Group::\"staff\", User::\"alice\"] };",
        ["equality of unrelated types is an error"] = "permit(principal, action == Action::\"read\", resource) when { principal.age == \"x\" };",
    }.ToImmutableDictionary(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(Handwritten))]
    public void Validation_HandwrittenCase_AgreesWithCedarWasm(string name)
    {
        var @case = new ValidationCase(name, HandwrittenCases[name], Schema, SchemaIsJson: false);

        var official = fixture.Oracle.Validate(@case);
        var ours = Validate(@case);

        ours.Agrees(official).ShouldBeTrue($"{name}\n--- policies.cedar\n{@case.Policies}\ncedar-wasm:      {official}\nGatehouse.Cedar: {ours}");
    }

    [Fact]
    public void Validation_GeneratedPolicySets_AgreeWithCedarWasm()
    {
        var generator = new CaseGenerator(99);
        var reports = new StringBuilder();
        int disagreements = 0, valid = 0;
        const int Count = 1_000;
        for (var i = 0; i < Count; i++)
        {
            var @case = new ValidationCase(string.Create(CultureInfo.InvariantCulture, $"validation seed 99 case {i}"), generator.Next().ToCase().Policies, Schema, false);
            var official = fixture.Oracle.Validate(@case);
            valid += official is { Refused: false, Valid: true } ? 1 : 0;
            var ours = Validate(@case);
            if (ours.Agrees(official))
            {
                continue;
            }

            if (++disagreements <= 5)
            {
                reports.Append("=== ").Append(@case.Name).Append("\n--- policies.cedar\n").Append(@case.Policies)
                    .Append("cedar-wasm:      ").Append(official).Append("\nGatehouse.Cedar: ").Append(ours).Append("\n\n");
            }
        }

        output.WriteLine($"{Count} generated policy sets, {valid} valid per cedar-wasm, {disagreements} disagreements");
        output.WriteLine(reports.ToString());
        disagreements.ShouldBe(0, reports.ToString());
    }

    private static ValidationOutcome Validate(ValidationCase @case)
    {
        try
        {
            var schema = @case.SchemaIsJson ? CedarSchema.FromJson(@case.Schema) : CedarSchema.Parse(@case.Schema);
            var result = PolicyValidator.Validate(PolicySet.Parse(@case.Policies), schema);
            var failing = ImmutableSortedSet.CreateRange(StringComparer.Ordinal, result.Errors.Select(e => e.PolicyId));
            return new ValidationOutcome(false, result.IsValid, failing, string.Join("; ", result.Errors.Select(e => e.PolicyId + ": " + e.Message)));
        }
        catch (CedarException exception)
        {
            return new ValidationOutcome(true, false, [], exception.Message);
        }
#pragma warning disable CA1031 // Any other exception is a crash the comparison must report.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return new ValidationOutcome(true, false, [], "crash: " + exception, Crashed: true);
        }
    }
}
