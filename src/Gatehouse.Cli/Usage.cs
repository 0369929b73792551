namespace Gatehouse.Cli;

internal static class Usage
{
    public const string Check = """
        usage: gatehouse check [--kind shell|sql|http|graphql] [--env ENV] [--json] [--explain] INPUT
               gatehouse check --batch FILE|-
        exit codes: 0 allow, 2 deny, 3 approval required, 1 error (an error never means allow)
        """;

    public const string Cedar = """
        usage: gatehouse cedar authorize --policies FILE --entities FILE [--schema FILE]
                 (--principal UID --action UID --resource UID [--context FILE] | --request-json FILE)
               gatehouse cedar validate --policies FILE --schema FILE
        UID is Cedar text, e.g. 'User::"alice"'. Schema: JSON or the human-readable format.
        exit codes: authorize 0 ALLOW, 2 DENY, 1 error; validate 0 valid, 1 invalid or error
        """;

    public const string Main = """
        gatehouse — the control layer outside AI agents

        commands:
          check     classify one action and decide: allow, approve or deny
                    (gatehouse check --help for options)
          cedar     evaluate or validate Cedar policies (gatehouse cedar --help)
          version   print the version
        """;
}
