using System.Text;
using Gatehouse.Core.Shell.Syntax;

namespace Gatehouse.Core.Shell;

/// <summary>Parses bash/POSIX shell source into a <see cref="Script"/> following bash's own grammar.</summary>
public static class ShellParser
{
    // One builder per thread: a parse is single-threaded and sub-parsers only use it while it is empty.
    [ThreadStatic]
    private static StringBuilder? s_builder;

    /// <summary>Parses <paramref name="source"/>. Never throws: malformed or hostile input yields an error result.</summary>
    public static ShellParseResult Parse(string source)
    {
        if (source is null)
        {
            return new ShellParseResult(null, new ShellParseError("no input", 0));
        }

        var builder = s_builder ??= new StringBuilder(128);
        builder.Clear();
        try
        {
            var script = new ScriptParser(source, 0, 0, builder).ParseTopLevel();
            return new ShellParseResult(script, null);
        }
        catch (ShellSyntaxException error)
        {
            return new ShellParseResult(null, new ShellParseError(error.Message, error.Offset));
        }
        catch (InsufficientExecutionStackException)
        {
            return new ShellParseResult(null, new ShellParseError("nesting too deep", 0));
        }
        finally
        {
            if (builder.Capacity > 64 * 1024)
            {
                s_builder = null;
            }
            else
            {
                builder.Clear();
            }
        }
    }
}
