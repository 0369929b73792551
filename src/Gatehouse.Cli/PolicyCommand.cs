namespace Gatehouse.Cli;

/// <summary><c>gatehouse policy …</c>: the tools that let a policy change be reviewed like code.</summary>
internal static class PolicyCommand
{
    public static int Run(IReadOnlyList<string> arguments, Stream stdout, TextWriter stderr)
    {
        if (arguments.Count == 0)
        {
            stderr.WriteLine(PolicyUsage.Main);
            return ExitCodes.Error;
        }

        var rest = arguments.Skip(1).ToArray();
        var help = rest.Length > 0 && rest[0] is "-h" or "--help";
        using var output = new StreamWriter(stdout, new System.Text.UTF8Encoding(false), leaveOpen: true);
        var exitCode = (arguments[0], help) switch
        {
            ("test", true) => Help(stderr, PolicyUsage.Test),
            ("test", false) => PolicyTestCommand.Run(rest, output, stderr),
            ("lint", true) => Help(stderr, PolicyUsage.Lint),
            ("lint", false) => PolicyLintCommand.Run(rest, output, stderr),
            ("explain", true) => Help(stderr, PolicyUsage.Explain),
            ("explain", false) => PolicyExplainCommand.Run(rest, output, stderr),
            ("diff", true) => Help(stderr, PolicyUsage.Diff),
            ("diff", false) => PolicyDiffCommand.Run(rest, output, stderr),
            ("-h" or "--help" or "help", _) => Help(stderr, PolicyUsage.Main),
            _ => Unknown(stderr, arguments[0]),
        };
        output.Flush();
        return exitCode;
    }

    private static int Help(TextWriter stderr, string text)
    {
        stderr.WriteLine(text);
        return ExitCodes.Allow;
    }

    private static int Unknown(TextWriter stderr, string subcommand)
    {
        stderr.WriteLine($"gatehouse policy: unknown subcommand '{subcommand}'.");
        stderr.WriteLine(PolicyUsage.Main);
        return ExitCodes.Error;
    }
}
