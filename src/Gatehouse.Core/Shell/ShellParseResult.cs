using Gatehouse.Core.Shell.Syntax;

namespace Gatehouse.Core.Shell;

/// <summary>Where and why parsing stopped.</summary>
public sealed record ShellParseError(string Message, int Offset);

/// <summary>Either a script or an error, never both. A parse never throws for bad input.</summary>
public sealed record ShellParseResult(Script? Script, ShellParseError? Error)
{
    public bool Succeeded => Script is not null;
}
