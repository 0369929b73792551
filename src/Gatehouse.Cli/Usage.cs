namespace Gatehouse.Cli;

internal static class Usage
{
    public const string Check = """
        usage: gatehouse check [--kind shell|sql|http|graphql] [--env ENV] [--json] [--explain] INPUT
               gatehouse check --batch FILE|-
        exit codes: 0 allow, 2 deny, 3 approval required, 1 error (an error never means allow)
        """;

    public const string Main = """
        gatehouse — the control layer outside AI agents

        commands:
          check     classify one action and decide: allow, approve or deny
                    (gatehouse check --help for options)
          version   print the version
        """;
}
