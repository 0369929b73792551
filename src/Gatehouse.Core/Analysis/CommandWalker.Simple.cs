using System.Text;
using Gatehouse.Core.Model;
using Gatehouse.Core.Shell.Syntax;

namespace Gatehouse.Core.Analysis;

/// <summary>Simple commands: assignments, the command name, and dispatch to the handler that knows the program.</summary>
internal sealed partial class CommandWalker
{
    /// <summary>Assignment names whose values usually say which environment a command reaches.</summary>
    private static readonly string[] EnvironmentBearingNames = ["URL", "HOST", "ENV", "CONTEXT", "PROFILE", "STAGE", "PROJECT", "CLUSTER", "DSN", "DATABASE"];

    private void WalkSimpleCommand(SimpleCommand command, StdinSource stdin, WalkScope scope)
    {
        var commandScope = scope;
        foreach (var assignment in command.Assignments)
        {
            if (assignment.Value is not null)
            {
                WalkWord(assignment.Value, scope);
            }

            if (assignment.ArrayValues is not null)
            {
                WalkWords(assignment.ArrayValues, scope);
            }

            var value = assignment.Value is null ? null : ResolveWord(assignment.Value);
            WalkCodeBearingAssignment(assignment.Name, value ?? assignment.Value?.Text, scope);
            if (value is not null && ContainsSubstitutionSyntax(value) && !ExpandedVariables.Contains(assignment.Name))
            {
                // x='a[$(cmd)]' runs cmd when x is later expanded in arithmetic, [[ -v ]], printf -v or ${x@P}:
                // a literal holding substitution syntax is judged by the substitutions it can run.
                ReparseAsExpansion(value, scope.Enter(assignment.Name + "="));
            }
            if (command.Words.Count == 0)
            {
                // A bare assignment sets a shell variable for the rest of the line.
                if (value is not null && !assignment.Append)
                {
                    _variables[assignment.Name] = value;
                }
                else
                {
                    _variables.Remove(assignment.Name);
                }
            }
            else if (value is not null && IsEnvironmentBearing(assignment.Name))
            {
                commandScope = commandScope.WithHint(value);
            }
        }

        WalkWords(command.Words, scope);
        if (command.Words.Count > 0 && !_budgetExceeded)
        {
            InvokeWords(BraceExpansion.Expand(command.Words), command, stdin, commandScope);
        }

        string? writtenContent = null;
        if (command.Words.Count > 0 && WritesFile(command.Redirections) && OutputOf(command, stdin, 0) is { Kind: StdinKind.Literal } output)
        {
            writtenContent = output.Text;
        }

        WalkRedirections(command.Redirections, scope, writtenContent);
    }

    /// <summary>Runs a word list as a command: the first word names the program.</summary>
    private void InvokeWords(IReadOnlyList<Word> words, SimpleCommand origin, StdinSource stdin, WalkScope scope)
    {
        if (words.Count == 0)
        {
            return;
        }

        words = ExpandKnownValues(words);
        var name = ResolveWord(words[0]);
        if (name is null)
        {
            Emit(
                ActionFactory.Opaque(
                    "shell",
                    "gatehouse.dynamic-command",
                    $"the program to run ({words[0].Text}) is only known at run time",
                    Risk.High,
                    Verb.Unknown,
                    Tags.DynamicTarget),
                scope);
            return;
        }

        Invoke(name, Slice(words, 1), origin, stdin, scope);
    }

    private void Invoke(string name, IReadOnlyList<Word> arguments, SimpleCommand origin, StdinSource stdin, WalkScope scope)
    {
        if (name.Length == 0)
        {
            return;
        }

        if (!SpendSegment())
        {
            return;
        }

        var program = ProgramName(name);
        AddSegment(scope, program, origin.Start, origin.End);
        if (!Ascii.IsValid(program))
        {
            // Real tools have ASCII names; a name in another script (рм, ɡit) is a look-alike or a trap.
            Emit(ActionFactory.Opaque("shell", "gatehouse.non-ascii-command", $"the program name {program} is not ASCII, so it is not the tool it may look like", Risk.High, Verb.Unknown, Tags.UnicodeObfuscation), scope);
            return;
        }

        if (name.Contains('/', StringComparison.Ordinal) && _writtenFiles.TryGetValue(NormalizeFilePath(name), out var script))
        {
            // A script this same command line wrote (cat > x.sh <<EOF … EOF; ./x.sh): judge what it holds.
            Reparse(script, scope.Enter(program));
            return;
        }

        CheckPrintedSecrets(program, arguments, scope);
        CheckCredentialUploads(program, arguments, scope);
        CheckSensitiveFileUpload(program, arguments, scope);
        CheckHttpClientFiles(program, arguments, scope);
        CheckSwitchOff(program, arguments, scope);
        CheckSedScript(program, arguments, scope);
        if (TryChangeDirectory(program, arguments)
            || TryInvokeEnvironmentDump(program, arguments, scope)
            || TryInvokeCodeCarrier(program, arguments, scope)
            || TryInvokeWrapper(program, arguments, origin, stdin, scope)
            || TryInvokeShell(program, arguments, origin, stdin, scope)
            || TryInvokeFind(program, arguments, origin, scope)
            || TryInvokeHttpClient(program, arguments, origin, stdin, scope))
        {
            return;
        }

        var firstAction = _actions.Count;
        InvokeCatalog(program, arguments, origin, stdin, scope);
        RememberSensitiveOutputs(arguments, firstAction);
    }

    /// <summary>
    /// Replaces words whose value the line itself determines (<c>a=rm; $a</c>, loop variables, <c>$(echo x)</c>,
    /// <c>${IFS}</c>) with their values, split into fields where bash would split them, so the catalog sees
    /// what actually runs.
    /// </summary>
    private IReadOnlyList<Word> ExpandKnownValues(IReadOnlyList<Word> words)
    {
        if (AllStatic(words))
        {
            // Nearly every command: nothing to expand, nothing to allocate.
            return words;
        }

        var result = new List<Word>(words.Count);
        foreach (var word in words)
        {
            if (word.IsStatic || ResolveWord(word) is not { } value)
            {
                result.Add(word);
                continue;
            }

            if (SplitsIntoFields(word) && value.AsSpan().IndexOfAny(" \t\n") >= 0)
            {
                foreach (var field in value.Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries))
                {
                    result.Add(new Word([new LiteralPart(field, QuoteKind.None)], word.Start, word.End));
                }

                continue;
            }

            result.Add(new Word([new LiteralPart(value, QuoteKind.None)], word.Start, word.End));
        }

        return result;
    }

    private static bool AllStatic(IReadOnlyList<Word> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (!words[i].IsStatic)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Unquoted expansions are split on whitespace; so is <c>"$@"</c>, which yields one word per argument.</summary>
    private static bool SplitsIntoFields(Word word)
    {
        foreach (var part in word.Parts)
        {
            switch (part)
            {
                case ParameterPart { Name: "@" or "*" }:
                case ParameterPart { Quoted: false }:
                case CommandSubstitutionPart { Quoted: false }:
                    return true;
                default:
                    break;
            }
        }

        return false;
    }

    /// <summary><c>/usr/bin/rm</c> runs rm. Quotes and backslashes are already gone (<c>\rm</c>, <c>r''m</c>).</summary>
    private static string ProgramName(string name)
    {
        var slash = name.LastIndexOf('/');
        return slash >= 0 && slash < name.Length - 1 ? name[(slash + 1)..] : name;
    }

    private string? CommandName(Word word)
    {
        var name = ResolveWord(word);
        return name is null ? null : ProgramName(name);
    }

    private static bool ContainsSubstitutionSyntax(string value) =>
        value.Contains("$(", StringComparison.Ordinal) || value.Contains('`', StringComparison.Ordinal);

    private static bool IsEnvironmentBearing(string name)
    {
        foreach (var marker in EnvironmentBearingNames)
        {
            if (name.Contains(marker, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static IReadOnlyList<Word> Slice(IReadOnlyList<Word> words, int start)
    {
        if (start >= words.Count)
        {
            return [];
        }

        var slice = new Word[words.Count - start];
        for (var i = start; i < words.Count; i++)
        {
            slice[i - start] = words[i];
        }

        return slice;
    }
}
