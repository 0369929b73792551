namespace Gatehouse.Cli;

/// <summary>Help text of <c>gatehouse policy</c> and its subcommands.</summary>
internal static class PolicyUsage
{
    public const string Test = """
        usage: gatehouse policy test [--policy FILE|DIR] [--min-coverage FRACTION] [SUITE…]
          runs YAML test suites (default: policies/tests/*.yaml) through classify → resolve → decide
          --policy        Cedar policies (a .cedar file or a directory); default: the built-in set
          --min-coverage  fail below this share of policies determining some case, compared exactly:
                          11/12, 0.9, 90% or 1 (every policy)
        exit codes: 0 every case passed (and coverage is at least the minimum), 1 otherwise
        """;

    public const string Lint = """
        usage: gatehouse policy lint [--policy FILE|DIR] [--strict]
          checks every policy against the Gatehouse vocabulary and reports policies that can never
          apply and policies shadowed by others (only what the policy text proves)
          --strict   count warnings as errors
        exit codes: 0 no errors, 1 errors (or warnings with --strict)
        """;

    public const string Explain = """
        usage: gatehouse policy explain [--policy FILE|DIR] [--inventory FILE] [--context FILE] [--env ENV]
                                        [--kind shell|sql|http|graphql] INPUT
          shows, per action: the Cedar entities and context, the blast radius, every policy that
          matched or errored, and the decision with its approval requirement
        exit codes: 0 allow, 2 deny, 3 approval required, 1 error (as gatehouse check)
        """;

    public const string Diff = """
        usage: gatehouse policy diff OLD NEW --corpus FILE [--inventory FILE] [--context FILE]
          replays a corpus (JSON lines {"id","kind","input","env"?}, or a tests/corpus YAML file)
          against two policy sets (.cedar files or directories) and lists every decision that changes
        exit codes: 0 nothing changed, 3 some decisions changed, 1 error
        """;

    public const string Main = """
        usage: gatehouse policy test|lint|explain|diff …   (gatehouse policy SUBCOMMAND --help)
          test      run policy test suites; report pass/fail and exact per-policy coverage
          lint      validate policies; report ones that can never apply or are shadowed
          explain   show the entities, blast radius and every matching policy for one input
          diff      replay a corpus against two policy sets and list the decisions that change
        """;
}
