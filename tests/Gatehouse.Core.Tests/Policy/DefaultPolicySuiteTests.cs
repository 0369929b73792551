using Gatehouse.Core.Decisions;
using Gatehouse.Core.Policy;
using Gatehouse.Core.Reporting;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Gatehouse.Core.Tests.Policy;

/// <summary>Runs the policy test suites of policies/tests against the default policy set, and checks they cover every policy.</summary>
public sealed class DefaultPolicySuiteTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, (PolicySuite Suite, string Directory)>> Suites = new(LoadSuites);

    private static readonly Dictionary<string, PolicySnapshot> Snapshots = new(StringComparer.Ordinal);

    public static TheoryData<string> CaseIds()
    {
        var data = new TheoryData<string>();
        foreach (var (name, (suite, _)) in Suites.Value)
        {
            for (var i = 0; i < suite.Cases.Count; i++)
            {
                data.Add($"{name}#{i + 1}");
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void SuiteCase_DecidedByDefaultPolicies_MatchesExpectation(string id)
    {
        var (suiteCase, verdict) = Run(id);
        var summary = $"{id}: {suiteCase.Command}\n  expected {suiteCase.Expect}, got {WireNames.Of(verdict.Decision)}: {verdict.Reason}";

        WireNames.Of(verdict.Decision).ShouldBe(suiteCase.Expect, summary);
        if (suiteCase.Approvers is { } approvers)
        {
            verdict.Approval.ShouldNotBeNull(summary).Approvers.ShouldBe(approvers, summary);
        }

        foreach (var policy in suiteCase.Policies)
        {
            verdict.Policies.ShouldContain(policy, summary);
        }
    }

    [Fact]
    public void Suites_TogetherWithTheirDecisions_CoverEveryDefaultPolicy()
    {
        var covered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in CaseIds())
        {
            foreach (var policy in Run(id).Verdict.Policies)
            {
                covered.Add(policy);
            }
        }

        var uncovered = PolicyLoader.LoadDefault(TimeProvider.System).PolicyNames.Where(name => !covered.Contains(name)).ToList();
        uncovered.ShouldBeEmpty($"no suite case is decided by: {string.Join(", ", uncovered)}");
    }

    private static (PolicySuiteCase Case, Verdict Verdict) Run(string id)
    {
        var hash = id.LastIndexOf('#');
        var (suite, directory) = Suites.Value[id[..hash]];
        var suiteCase = suite.Cases[int.Parse(id[(hash + 1)..], System.Globalization.CultureInfo.InvariantCulture) - 1];
        var snapshot = SnapshotFor(suite, directory);
        CheckOptionsKind(suiteCase.Kind, out var kind);
        var classification = ActionClassifier.Classify(kind, suiteCase.Command, suiteCase.Env);
        var context = new DecisionContext(suiteCase.Env, null, null, null, suite.Time);
        return (suiteCase, new PolicyDecider(snapshot).Decide(classification, context));
    }

    private static PolicySnapshot SnapshotFor(PolicySuite suite, string directory)
    {
        var inventory = suite.Inventory is null ? null : System.IO.Path.Combine(directory, suite.Inventory);
        var context = suite.Context is null ? null : System.IO.Path.Combine(directory, suite.Context);
        var key = $"{inventory}|{context}";
        lock (Snapshots)
        {
            if (!Snapshots.TryGetValue(key, out var snapshot))
            {
                snapshot = PolicyLoader.Load(null, inventory, context, TimeProvider.System);
                Snapshots.Add(key, snapshot);
            }

            return snapshot;
        }
    }

    private static void CheckOptionsKind(string text, out InputKind kind) => kind = text switch
    {
        "shell" => InputKind.Shell,
        "sql" => InputKind.Sql,
        "http" => InputKind.Http,
        "graphql" => InputKind.GraphQL,
        _ => throw new InvalidDataException($"unknown kind '{text}'"),
    };

    private static Dictionary<string, (PolicySuite, string)> LoadSuites()
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();
        var directory = System.IO.Path.Combine(PolicyTestKit.RepositoryRoot, "policies", "tests");
        var suites = new Dictionary<string, (PolicySuite, string)>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(directory, "*.yaml").Order(StringComparer.Ordinal))
        {
            var suite = deserializer.Deserialize<PolicySuite>(File.ReadAllText(file)) ?? throw new InvalidDataException($"{file} holds no suite.");
            suites.Add(System.IO.Path.GetFileNameWithoutExtension(file), (suite, directory));
        }

        return suites;
    }
}
