using Gatehouse.Core.Model;
using Gatehouse.Core.Shell;

namespace Gatehouse.Core.Analysis;

/// <summary>
/// Input with a syntax error. Bash refuses such a line, so usually nothing runs; but Gatehouse's parser
/// and bash could disagree, so the input is read the generous way (the missing quote or bracket added,
/// or the stray token dropped). Only when that reading finds nothing but reads is it let through;
/// anything else, or an error the parser reports for its own limits, needs approval.
/// </summary>
internal sealed partial class CommandWalker
{
    private static readonly string[] Closers = ["\"", "'", ")", "`", "}", "))", "\")", "')", "\nfi", "\ndone", "\nesac", " ]]"];

    private void ReadDespiteSyntaxError(string source, ShellParseError error)
    {
        var root = WalkScope.Root with { Path = string.Empty };
        var repairable = error.Message.StartsWith("unterminated", StringComparison.Ordinal)
            || error.Message.StartsWith("syntax error", StringComparison.Ordinal);
        var repaired = repairable ? RepairedReading(source, error) : null;
        if (repaired is not null && repaired.Actions.All(IsPureRead))
        {
            _actions.AddRange(repaired.Actions);
            _segments.AddRange(repaired.Segments);
            _actions.Add(ActionFactory.Simple("shell", "gatehouse.syntax-error-read-only", Verb.Read, "code", null, Risk.None, true, $"does not parse ({error.Message}); even read generously it only reads", Tags.ParseError));
            return;
        }

        if (repaired is not null)
        {
            // Show what could be at stake, then require approval for the unparseable whole.
            _actions.AddRange(repaired.Actions);
            _segments.AddRange(repaired.Segments);
        }

        Emit(ActionFactory.ParseError("shell", error.Message), root);
    }

    private static bool IsPureRead(AgentAction action) =>
        action.Verb is Verb.Read or Verb.List && action.Risk == Risk.None && !action.HasTag(Tags.CredentialAccess) && !action.HasTag(Tags.Opaque);

    private Classification? RepairedReading(string source, ShellParseError error)
    {
        var candidates = new List<string>(Closers.Length + 1);
        foreach (var closer in Closers)
        {
            candidates.Add(source + closer);
        }

        if (error.Offset >= 0 && error.Offset <= source.Length)
        {
            // A stray token: what comes before it is what bash would have parsed.
            candidates.Add(source[..error.Offset]);
        }

        foreach (var candidate in candidates)
        {
            var parsed = ShellParser.Parse(candidate);
            if (parsed.Script is null)
            {
                continue;
            }

            var walker = new CommandWalker(_catalog, candidate, _deceptiveUnicode);
            walker.WalkScript(parsed.Script, WalkScope.Root);
            return new Classification(walker._actions, walker._segments);
        }

        return null;
    }
}
