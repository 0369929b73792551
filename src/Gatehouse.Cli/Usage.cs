namespace Gatehouse.Cli;

internal static class Usage
{
    public const string Check = """
        usage: gatehouse check [--kind shell|sql|http|graphql] [--env ENV] [--json] [--explain] INPUT
               gatehouse check --batch FILE|-
        exit codes: 0 allow, 2 deny, 3 approval required, 1 error (an error never means allow)
        """;

    public const string Hook = """
        usage: gatehouse hook claude|cursor|codex|gemini|copilot
        reads the agent's pre-tool hook payload on stdin and answers in that agent's protocol
        (a deny blocks with exit code 2, except Copilot, which gets its deny as JSON on exit 0)
        """;

    public const string Log = """
        usage: gatehouse log [--count N] [--json]
        shows the most recent hook decisions (default 20), oldest first
        """;

    public const string Main = """
        gatehouse — the control layer outside AI agents

        commands:
          check     classify one action and decide: allow, approve or deny
                    (gatehouse check --help for options)
          hook      answer an agent's pre-tool hook (claude, cursor, codex, gemini, copilot)
          log       show recent hook decisions
          version   print the version
        """;
}
