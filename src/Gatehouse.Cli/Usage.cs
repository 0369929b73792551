namespace Gatehouse.Cli;

internal static class Usage
{
    public const string Check = """
        usage: gatehouse check [--kind shell|sql|http|graphql] [--env ENV] [--json] [--explain]
                               [--policy FILE|DIR] [--inventory FILE] [--context FILE] INPUT
               gatehouse check [--policy …] [--inventory …] [--context …] --batch FILE|-
          --policy     Cedar policies (a .cedar file or a directory of them); default: the built-in set
          --inventory  the inventory targets are resolved against (environments, blast radius, backups)
          --context    policy context: code freezes in force
        exit codes: 0 allow, 2 deny, 3 approval required, 1 error (an error never means allow)
        """;

    public const string Main = """
        gatehouse — the control layer outside AI agents

        commands:
          check     classify one action and decide: allow, approve or deny
                    (gatehouse check --help for options)
          policy    test, lint, explain and diff policies (gatehouse policy --help)
          version   print the version
        """;
}
