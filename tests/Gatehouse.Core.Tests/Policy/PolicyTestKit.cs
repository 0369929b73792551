using Gatehouse.Core.Decisions;
using Gatehouse.Core.Model;
using Gatehouse.Core.Policy;

namespace Gatehouse.Core.Tests.Policy;

/// <summary>Small helpers for policy tests: snapshots from inline Cedar text, actions, and the repository's policies folder.</summary>
internal static class PolicyTestKit
{
    public static DateTimeOffset Noon { get; } = new(2025, 7, 10, 12, 0, 0, TimeSpan.Zero);

    public static DecisionContext Context(string? declared = null) => new(declared, "claude", "s-1", null, Noon);

    public static PolicySnapshot Snapshot(string cedar, PolicyContext? context = null) =>
        PolicyLoader.Build([("test.cedar", cedar)], "test.cedar", InputTargetFacts.Instance, context ?? PolicyContext.Empty, null, TimeProvider.System);

    public static AgentAction Action(Verb verb, Risk risk, string kind = "table", string? id = "users", params string[] environments) => new()
    {
        Verb = verb,
        Target = new ResourceRef(kind, id, environments),
        Tool = "sql",
        Reversible = risk < Risk.High,
        Risk = risk,
        Path = "shell>psql>sql",
        RuleId = "test.rule",
        Reason = "test action",
    };

    public static Verdict Decide(PolicySnapshot snapshot, params AgentAction[] actions) =>
        new PolicyDecider(snapshot).Decide(new Classification(actions, []), Context());

    /// <summary>The repository root (the directory holding Gatehouse.slnx), found from the test assembly upwards.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(directory.FullName, "Gatehouse.slnx")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("Gatehouse.slnx not found above " + AppContext.BaseDirectory);
        }
    }
}
