using System.Text;
using Gatehouse.Core.Shell.Syntax;

namespace Gatehouse.Core.Analysis;

/// <summary>
/// Works out what a command reads on standard input, so that <c>echo 'DROP TABLE t' | psql</c>,
/// <c>echo cm0gLXJmIH4= | base64 -d | sh</c> and <c>psql &lt;&lt;SQL</c> are judged by what they feed.
/// </summary>
internal sealed partial class CommandWalker
{
    private const int MaxPipelineLookBack = 8;

    private const string RedisScanOrigin = "redis keys matching ";

    private StdinContent ResolveStdin(IReadOnlyList<Redirection> redirections, StdinSource source, int depth = 0)
    {
        for (var i = redirections.Count - 1; i >= 0; i--)
        {
            var redirection = redirections[i];
            if (redirection.FileDescriptor is not (null or 0))
            {
                continue;
            }

            switch (redirection.Operator)
            {
                case RedirectionOperator.Heredoc when redirection.Heredoc is not null:
                    return StdinContent.Literal(redirection.Heredoc.Body, "heredoc");
                case RedirectionOperator.HereString when redirection.Target is not null:
                    return StdinContent.Literal(redirection.Target.Text + "\n", "here-string");
                case RedirectionOperator.Input or RedirectionOperator.ReadWrite when redirection.Target is not null:
                    return FileContent(redirection.Target);
                default:
                    break;
            }
        }

        if (source.IsPiped && depth < MaxPipelineLookBack)
        {
            return OutputOf(source.Pipeline!.Commands[source.Index - 1], source with { Index = source.Index - 1 }, depth + 1);
        }

        return StdinContent.None;
    }

    private StdinContent FileContent(Word path)
    {
        var name = path.StaticValue;
        return name is not null && _writtenFiles.TryGetValue(NormalizeFilePath(name), out var content)
            ? StdinContent.Literal(content, "file " + name)
            : StdinContent.Unknown("file " + path.Text);
    }

    /// <summary>The literal output of a pipeline stage, when the command is one whose output follows from its arguments.</summary>
    private StdinContent OutputOf(Command command, StdinSource itsStdin, int depth)
    {
        if (command is GroupCommand or SubshellCommand)
        {
            return CompoundOutput(command is GroupCommand group ? group.Body : ((SubshellCommand)command).Body, depth);
        }

        if (command is not SimpleCommand { Words.Count: > 0 } simple)
        {
            return StdinContent.Unknown("a compound command");
        }

        var name = CommandName(simple.Words[0]);
        if (name is null)
        {
            return StdinContent.Unknown("a computed command");
        }

        var arguments = simple.Words.Skip(1).ToList();
        switch (name)
        {
            case "echo":
                return StdinContent.Literal(EchoText(arguments), "echo");
            case "printf" when arguments.Count > 0:
                return StdinContent.Literal(TextDecoders.Printf(arguments[0].Text, [.. arguments.Skip(1).Select(a => a.Text)]), "printf");
            case "cat":
                return CatOutput(simple, arguments, itsStdin, depth, passThrough: false);
            case "tee":
                return CatOutput(simple, arguments, itsStdin, depth, passThrough: true);
            case "base64" when arguments.Any(a => a.StaticValue is "-d" or "--decode" or "-D" or "-di" or "-id"):
                return Decode(simple, arguments, itsStdin, depth, TextDecoders.Base64, "base64 -d");
            case "xxd" when arguments.Any(a => a.StaticValue is "-r" or "-rp" or "-pr"):
                return Decode(simple, arguments, itsStdin, depth, TextDecoders.Hex, "xxd -r");
            case "rev":
                return Decode(simple, arguments, itsStdin, depth, TextDecoders.Reverse, "rev");
            case "find" or "gfind":
                var root = arguments.SkipWhile(a => a.StaticValue is "-H" or "-L" or "-P").TakeWhile(a => !IsFindExpressionStart(a)).FirstOrDefault();
                return new StdinContent(StdinKind.FilesUnder, null, "find", root ?? WordFactory.Literal("."));
            case "mktemp":
                // A fresh temporary path: what it names did not exist before this line.
                return StdinContent.Literal("/tmp/mktemp.found\n", "mktemp");
            case "ls" or "fd" or "fdfind":
                var directory = arguments.FirstOrDefault(a => a.Text.Length > 0 && a.Text[0] != '-');
                return new StdinContent(StdinKind.FilesUnder, null, name, directory ?? WordFactory.Literal("."));
            case "redis-cli" when arguments.Any(a => a.StaticValue is "--scan" or "keys" or "KEYS"):
                // Key names matching a pattern: fed to xargs, every one of them is acted on.
                var pattern = arguments.SkipWhile(a => a.StaticValue is not ("--pattern" or "keys" or "KEYS")).Skip(1).FirstOrDefault()?.Text ?? "*";
                return new StdinContent(StdinKind.Unknown, null, RedisScanOrigin + pattern);
            case "Get-ChildItem" or "get-childitem" or "gci" or "dir" or "Get-Item" or "get-item":
                // PowerShell pipes the items it lists to the next command (Remove-Item takes them as paths).
                var listed = arguments.SkipWhile(a => a.StaticValue is not ("-Path" or "-path" or "-LiteralPath")).Skip(1).FirstOrDefault()
                    ?? arguments.FirstOrDefault(a => a.StaticValue is not { Length: > 0 } v || v[0] != '-');
                return new StdinContent(StdinKind.FilesUnder, null, name, listed ?? WordFactory.Literal("."));
            case "git" when arguments.Count > 1 && arguments[0].StaticValue == "rev-parse" && arguments[1].StaticValue is "--show-toplevel" or "--show-cdup":
                // The repository root is the workspace itself.
                return StdinContent.Literal(".\n", "git rev-parse");
            case "pwd":
                return StdinContent.Literal(".\n", "pwd");
            case "gunzip" or "zcat" or "gzip" when name != "gzip" || arguments.Any(a => a.StaticValue is "-d" or "--decompress" or "-dc" or "-cd"):
                return Decode(simple, [.. arguments.Where(a => a.StaticValue is not ("-d" or "-c" or "-dc" or "-cd" or "-f"))], itsStdin, depth, TextDecoders.Gunzip, "gunzip");
            case "tr" when arguments.Count == 2 && arguments[0].StaticValue is { } from && arguments[1].StaticValue is { } to:
                return Decode(simple, [], itsStdin, depth, text => TextDecoders.Translate(text, from, to), "tr");
            case "git" when arguments.Count > 0 && arguments[0].StaticValue is "ls-files" or "diff":
                return new StdinContent(StdinKind.FilesUnder, null, "git " + arguments[0].Text, WordFactory.Literal("."));
            default:
                return StdinContent.Unknown(name);
        }
    }

    /// <summary>
    /// A group's output is its commands' output in order. When part of it is unknown the result is unknown,
    /// but the known part is kept in <see cref="StdinContent.Text"/> for readers that judge what they can see.
    /// </summary>
    private StdinContent CompoundOutput(Script body, int depth)
    {
        var builder = new StringBuilder();
        var complete = true;
        foreach (var statement in body.Statements)
        {
            var pipeline = statement.Body.First;
            var last = pipeline.Commands.Count - 1;
            var output = OutputOf(pipeline.Commands[last], new StdinSource(pipeline, last), depth + 1);
            complete &= output.Kind == StdinKind.Literal && statement.Body.Rest.Count == 0;
            builder.Append(output.Text);
        }

        return complete ? StdinContent.Literal(builder.ToString(), "a group") : new StdinContent(StdinKind.Unknown, builder.ToString(), "a group");
    }

    private StdinContent CatOutput(SimpleCommand simple, List<Word> arguments, StdinSource itsStdin, int depth, bool passThrough)
    {
        var files = passThrough ? [] : arguments.Where(a => a.Text.Length == 0 || a.Text[0] != '-' || a.Text == "-").ToList();
        if (files.Count == 0 || files.All(f => f.Text == "-"))
        {
            return ResolveStdin(simple.Redirections, itsStdin, depth);
        }

        var builder = new StringBuilder();
        foreach (var file in files)
        {
            var content = FileContent(file);
            if (content.Kind != StdinKind.Literal)
            {
                return content;
            }

            builder.Append(content.Text);
        }

        return StdinContent.Literal(builder.ToString(), "cat");
    }

    private StdinContent Decode(SimpleCommand simple, List<Word> arguments, StdinSource itsStdin, int depth, Func<string, string?> decoder, string origin)
    {
        var file = arguments.FirstOrDefault(a => a.Text.Length > 0 && a.Text[0] != '-');
        var input = file is null ? ResolveStdin(simple.Redirections, itsStdin, depth) : FileContent(file);
        if (input.Kind != StdinKind.Literal)
        {
            return StdinContent.Unknown(origin + " of " + input.Origin);
        }

        var decoded = decoder(input.Text!);
        return decoded is null ? StdinContent.Unknown(origin + " of undecodable input") : StdinContent.Literal(decoded, origin);
    }

    private static string EchoText(List<Word> arguments)
    {
        var index = 0;
        var newline = true;
        var escapes = false;
        while (index < arguments.Count && arguments[index].StaticValue is { Length: > 1 } flag && flag[0] == '-' && flag.AsSpan(1).IndexOfAnyExcept("neE") < 0)
        {
            newline &= !flag.Contains('n', StringComparison.Ordinal);
            escapes |= flag.Contains('e', StringComparison.Ordinal);
            index++;
        }

        var text = string.Join(' ', arguments.Skip(index).Select(a => a.Text));
        if (escapes)
        {
            text = TextDecoders.Escapes(text);
        }

        return newline ? text + "\n" : text;
    }

    /// <summary>The output of <c>$(…)</c> when it is a pipeline of commands whose output is known (<c>$(echo … | base64 -d)</c>).</summary>
    private string? StaticOutput(Script script)
    {
        if (script.Statements is not [{ Body.Rest.Count: 0 } statement])
        {
            return null;
        }

        var pipeline = statement.Body.First;
        var last = pipeline.Commands.Count - 1;
        var output = OutputOf(pipeline.Commands[last], new StdinSource(pipeline, last), 0);
        return output.Kind == StdinKind.Literal ? output.Text : null;
    }

    /// <summary>The value of a word when its dynamic parts are all known: literal variables and substitutions with known output.</summary>
    private string? ResolveWord(Word word)
    {
        if (word.StaticValue is { } value)
        {
            return value;
        }

        var builder = new StringBuilder();
        foreach (var part in word.Parts)
        {
            switch (part)
            {
                case LiteralPart literal:
                    builder.Append(literal.Text);
                    break;
                case ParameterPart { Operator: null } parameter when _variables.TryGetValue(parameter.Name, out var variable):
                    builder.Append(variable);
                    break;
                case ParameterPart { Operator: null, Name: "IFS" }:
                    // Unset or untouched, IFS is whitespace: rm${IFS}-rf${IFS}/ is rm -rf /.
                    builder.Append(' ');
                    break;
                case CommandSubstitutionPart substitution when StaticOutput(substitution.Body) is { } output:
                    // Command substitution drops trailing newlines.
                    builder.Append(output.TrimEnd('\n'));
                    break;
                default:
                    return null;
            }
        }

        return builder.ToString();
    }

    private static string NormalizeFilePath(string path) => path.StartsWith("./", StringComparison.Ordinal) ? path[2..] : path;
}
