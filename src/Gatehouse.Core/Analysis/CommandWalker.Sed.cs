using Gatehouse.Core.Catalog;
using Gatehouse.Core.Model;
using Gatehouse.Core.Shell.Syntax;

namespace Gatehouse.Core.Analysis;

/// <summary>
/// GNU sed scripts can run commands (<c>e rm -rf ~</c>, <c>s/x/y/e</c>) and write files (<c>w FILE</c>, <c>s/x/y/w FILE</c>).
/// The catalog sees sed's options and files; this reads its script, so those commands are judged like any other.
/// </summary>
internal sealed partial class CommandWalker
{
    private void CheckSedScript(string program, IReadOnlyList<Word> arguments, WalkScope scope)
    {
        if (program is not ("sed" or "gsed"))
        {
            return;
        }

        var scripts = new List<string>();
        var explicitScript = false;
        for (var i = 0; i < arguments.Count; i++)
        {
            var word = arguments[i].StaticValue ?? arguments[i].Text;
            if (word.StartsWith("--expression=", StringComparison.Ordinal))
            {
                scripts.Add(word["--expression=".Length..]);
                explicitScript = true;
            }
            else if (word is "--expression" or "--file" && i + 1 < arguments.Count)
            {
                explicitScript = true;
                if (word == "--expression")
                {
                    scripts.Add(arguments[i + 1].StaticValue ?? arguments[i + 1].Text);
                }

                i++;
            }
            else if (word.Length > 1 && word[0] == '-' && word[1] != '-')
            {
                i += SedShortOptions(word, i + 1 < arguments.Count ? arguments[i + 1] : null, scripts, ref explicitScript);
            }
            else if (word.StartsWith("--file=", StringComparison.Ordinal))
            {
                explicitScript = true;
            }
            else if (!explicitScript && !word.StartsWith('-'))
            {
                scripts.Add(word);
                explicitScript = true;
            }
        }

        foreach (var script in scripts)
        {
            ScanSedScript(script, scope.Enter(program));
        }
    }

    /// <summary>A bundle of short options (<c>-ne SCRIPT</c>, <c>-i.bak</c>); returns how many following words it consumed.</summary>
    private static int SedShortOptions(string word, Word? next, List<string> scripts, ref bool explicitScript)
    {
        for (var j = 1; j < word.Length; j++)
        {
            switch (word[j])
            {
                case 'i':
                    // -i takes an attached suffix only.
                    return 0;
                case 'e' or 'f' or 'l':
                    var attached = j + 1 < word.Length ? word[(j + 1)..] : null;
                    if (word[j] != 'l')
                    {
                        explicitScript = true;
                    }

                    if (word[j] == 'e' && (attached ?? next?.StaticValue ?? next?.Text) is { } script)
                    {
                        scripts.Add(script);
                    }

                    return attached is null ? 1 : 0;
                default:
                    break;
            }
        }

        return 0;
    }

    private void ScanSedScript(string script, WalkScope scope)
    {
        var pos = 0;
        while (pos < script.Length)
        {
            pos = SkipSedAddress(script, pos);
            if (pos >= script.Length)
            {
                return;
            }

            var command = script[pos++];
            switch (command)
            {
                case 'e':
                    var line = RestOfSedLine(script, ref pos).Trim();
                    if (line.Length > 0)
                    {
                        Reparse(line, scope);
                    }
                    else
                    {
                        EmitSedExecute("runs each input line as a shell command", scope);
                    }

                    break;
                case 's':
                    ScanSedSubstitution(script, ref pos, scope);
                    break;
                case 'y':
                    SkipSedDelimited(script, ref pos, 2);
                    break;
                case 'w' or 'W':
                    EmitSedWrite(RestOfSedLine(script, ref pos).Trim(), scope);
                    break;
                case 'a' or 'i' or 'c' or 'r' or 'R' or ':' or '#' or 'b' or 't' or 'T' or 'q' or 'Q' or 'l' or 'L':
                    // Text, file names, labels and comments run to the end of the line (labels and branches also to ';').
                    _ = command is 'a' or 'i' or 'c' or 'r' or 'R' or '#' or ':' ? RestOfSedLine(script, ref pos) : RestOfSedCommand(script, ref pos);
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>Addresses (<c>1</c>, <c>$</c>, <c>/re/</c>, <c>\%re%</c>, ranges, steps, <c>!</c>) and separators before a command letter.</summary>
    private static int SkipSedAddress(string script, int pos)
    {
        while (pos < script.Length)
        {
            var c = script[pos];
            if (char.IsWhiteSpace(c) || char.IsAsciiDigit(c) || c is ';' or '$' or ',' or '~' or '+' or '!' or '{' or '}')
            {
                pos++;
            }
            else if (c is '/' or '\\')
            {
                var delimiter = c == '\\' && pos + 1 < script.Length ? script[++pos] : c;
                pos = SkipPast(script, pos + 1, delimiter);
                while (pos < script.Length && script[pos] is 'I' or 'M')
                {
                    pos++;
                }
            }
            else
            {
                return pos;
            }
        }

        return pos;
    }

    private void ScanSedSubstitution(string script, ref int pos, WalkScope scope)
    {
        SkipSedDelimited(script, ref pos, 2);
        while (pos < script.Length && script[pos] is not (';' or '\n' or '}'))
        {
            var flag = script[pos++];
            if (flag == 'e')
            {
                EmitSedExecute("runs the result of a substitution as a shell command", scope);
            }
            else if (flag == 'w')
            {
                EmitSedWrite(RestOfSedLine(script, ref pos).Trim(), scope);
                return;
            }
        }
    }

    /// <summary>Skips a delimiter and <paramref name="parts"/> delimited parts (<c>/re/repl/</c>), honouring backslash escapes.</summary>
    private static void SkipSedDelimited(string script, ref int pos, int parts)
    {
        if (pos >= script.Length)
        {
            return;
        }

        var delimiter = script[pos++];
        for (var part = 0; part < parts; part++)
        {
            pos = SkipPast(script, pos, delimiter);
        }
    }

    private static int SkipPast(string script, int pos, char delimiter)
    {
        while (pos < script.Length && script[pos] != delimiter)
        {
            pos += script[pos] == '\\' ? 2 : 1;
        }

        return Math.Min(pos + 1, script.Length);
    }

    private static string RestOfSedLine(string script, ref int pos)
    {
        var end = script.IndexOf('\n', pos);
        end = end < 0 ? script.Length : end;
        var text = script[pos..end];
        pos = end;
        return text;
    }

    private static string RestOfSedCommand(string script, ref int pos)
    {
        var end = script.IndexOfAny([';', '\n', '}'], pos);
        end = end < 0 ? script.Length : end;
        var text = script[pos..end];
        pos = end;
        return text;
    }

    private void EmitSedExecute(string reason, WalkScope scope) =>
        Emit(ActionFactory.Opaque("sed", "sed.execute", $"sed {reason}", Risk.High, Verb.Execute, Tags.Opaque), scope);

    private void EmitSedWrite(string file, WalkScope scope)
    {
        if (file.Length == 0 || file is "/dev/stdout" or "/dev/stderr")
        {
            return;
        }

        var pathScope = PathClassifier.ClassifyStatic(file);
        Emit(
            ActionFactory.Simple("sed", "sed.write-file", Verb.Update, "file", file, PathRisk.ForWrite(pathScope), pathScope != PathScope.Protected, $"sed's script writes {file}", PathRisk.TagsFor(pathScope)),
            scope);
    }
}
