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

    public const string Init = """
        usage: gatehouse init [--agent claude|cursor|codex|gemini|copilot]... [--user] [--resident [--port N]] [--dry-run] [--project DIR]
        detects the agents used in the project (and with --user, in your home), installs Gatehouse's hook into each
        (idempotent; a timestamped backup of every file changed), and writes a starter .gatehouse/ if none exists.
        --resident: Claude Code calls `gatehouse serve` over HTTP on 127.0.0.1 instead of starting a process per call.
        """;

    public const string Doctor = """
        usage: gatehouse doctor [--user] [--project DIR]
        runs every installed hook with a destructive canary (must block) and a read (must allow), checks the
        settings for anything that fails open; exit 0 only when all is sound.
        """;

    public const string Serve = """
        usage: gatehouse serve [--listen 127.0.0.1:PORT] [--ensure]
        answers POST /v1/hooks/{claude|cursor|codex|gemini|copilot} with the same decisions as `gatehouse hook`,
        on loopback only. --ensure: start it in the background unless it already answers, then return.
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
          init      install the hook into the agents used here (gatehouse init --help)
          doctor    check every installed hook end to end
          serve     answer hook calls over HTTP on loopback (gatehouse serve --help)
          hook      answer an agent's pre-tool hook (claude, cursor, codex, gemini, copilot)
          log       show recent hook decisions
          cedar     evaluate or validate Cedar policies (gatehouse cedar --help)
          policy    test, lint, explain and diff policies (gatehouse policy --help)
          version   print the version
        """;
}
