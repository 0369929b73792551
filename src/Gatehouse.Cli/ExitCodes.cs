using Gatehouse.Core.Model;

namespace Gatehouse.Cli;

/// <summary>The exit-code contract of <c>gatehouse check</c>. An error is never 0: callers that only look at the code fail closed.</summary>
internal static class ExitCodes
{
    public const int Allow = 0;
    public const int Error = 1;
    public const int Deny = 2;
    public const int Approve = 3;

    public static int For(Decision decision) => decision switch
    {
        Decision.Allow => Allow,
        Decision.Approve => Approve,
        _ => Deny,
    };
}
