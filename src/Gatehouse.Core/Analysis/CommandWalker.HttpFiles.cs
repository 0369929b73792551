using Gatehouse.Core.Catalog;
using Gatehouse.Core.Model;
using Gatehouse.Core.Shell.Syntax;

namespace Gatehouse.Core.Analysis;

/// <summary>
/// The local files an HTTP client touches besides the request: where it saves the response (<c>curl -o</c>, <c>wget -O</c>)
/// is a file write judged like a redirection, and the files it reads into headers or variables (<c>curl -H @file</c>,
/// <c>--variable name@file</c>) are sent to the server like a body file.
/// </summary>
internal sealed partial class CommandWalker
{
    /// <summary>curl's short options that take a value; a bundle (<c>-sSLo FILE</c>) ends at the first of them.</summary>
    private const string CurlValueLetters = "AbcCdDeEFHKmoPQrtTuUwxXyYz";

    /// <summary>wget's short options that take a value.</summary>
    private const string WgetValueLetters = "aABdDeiIlOoPQRtTUwX";

    private static readonly HashSet<string> CurlOutputOptions = new(StringComparer.Ordinal)
    {
        "-o", "--output", "-D", "--dump-header", "-c", "--cookie-jar", "--trace", "--trace-ascii", "--stderr", "--etag-save",
        "--hsts", "--alt-svc", "--output-dir", "--libcurl",
    };

    private static readonly HashSet<string> WgetOutputOptions = new(StringComparer.Ordinal)
    {
        "-O", "--output-document", "-o", "--output-file", "-a", "--append-output", "-P", "--directory-prefix", "--save-cookies",
        "--hsts-file",
    };

    private static readonly HashSet<string> CurlFileReadOptions = new(StringComparer.Ordinal)
    {
        "-H", "--header", "--proxy-header", "--variable", "-K", "--config", "-T", "--upload-file", "-b", "--cookie",
    };

    private void CheckHttpClientFiles(string program, IReadOnlyList<Word> arguments, WalkScope scope)
    {
        var (valueLetters, outputs) = program switch
        {
            "curl" => (CurlValueLetters, CurlOutputOptions),
            "wget" => (WgetValueLetters, WgetOutputOptions),
            _ => (string.Empty, (HashSet<string>?)null),
        };
        if (outputs is null)
        {
            return;
        }

        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i].StaticValue is not { Length: > 1 } word || word[0] != '-')
            {
                continue;
            }

            var (option, attached) = SplitOption(word, valueLetters);
            if (option is null)
            {
                continue;
            }

            Word? value = attached is not null ? WordFactory.Literal(attached) : i + 1 < arguments.Count ? arguments[i + 1] : null;
            if (attached is null)
            {
                i++;
            }

            if (value is null)
            {
                continue;
            }

            if (outputs.Contains(option))
            {
                EmitClientOutput(program, option, value, scope);
            }
            else if (program == "curl" && CurlFileReadOptions.Contains(option))
            {
                CheckClientFileRead(program, option, value, scope);
            }
        }
    }

    /// <summary>
    /// <c>--output=F</c> → (--output, F); <c>--output</c> → (--output, null); <c>-sSLoF</c> → (-o, F); <c>-sSLo</c> → (-o, null).
    /// A bundle without a value letter names no option that takes a value.
    /// </summary>
    private static (string? Option, string? Attached) SplitOption(string word, string valueLetters)
    {
        if (word.StartsWith("--", StringComparison.Ordinal))
        {
            var equals = word.IndexOf('=', StringComparison.Ordinal);
            return equals > 0 ? (word[..equals], word[(equals + 1)..]) : (word, null);
        }

        for (var j = 1; j < word.Length; j++)
        {
            if (valueLetters.Contains(word[j], StringComparison.Ordinal))
            {
                var option = "-" + word[j];
                return j + 1 < word.Length ? (option, word[(j + 1)..]) : (option, null);
            }
        }

        return (null, null);
    }

    private void EmitClientOutput(string program, string option, Word file, WalkScope scope)
    {
        if (file.StaticValue is "-" or "/dev/stdout" or "/dev/stderr")
        {
            return;
        }

        var pathScope = PathClassifier.ClassifyWriteTarget(file);
        var risk = PathRisk.ForWrite(pathScope);
        if (risk <= Risk.Low)
        {
            // Saving a download into the workspace or /tmp is ordinary; the request itself is judged elsewhere.
            return;
        }

        Emit(
            ActionFactory.Simple(program, "http.output-file", Verb.Update, "file", file.Text, risk, pathScope != PathScope.Protected,
                $"{program} {option} writes {file.Text}", PathRisk.TagsFor(pathScope)),
            scope);
    }

    /// <summary><c>-H @file</c>, <c>--variable name@file</c>, <c>-K file</c>: curl reads the file and sends what it holds.</summary>
    private void CheckClientFileRead(string program, string option, Word value, WalkScope scope)
    {
        var text = WordFactory.PathText(value) ?? value.Text;
        var path = option switch
        {
            "--variable" when text.StartsWith('%') => null,
            "--variable" => text.IndexOf('@', StringComparison.Ordinal) is >= 0 and var at ? text[(at + 1)..] : null,
            "-K" or "--config" or "-T" or "--upload-file" or "-b" or "--cookie" => text,
            _ => text.StartsWith('@') ? text[1..] : null,
        };
        if (option == "--variable" && text.StartsWith('%') && LooksSecret(text.TrimStart('%').Split('=')[0]))
        {
            Emit(
                ActionFactory.Simple(program, "gatehouse.credential-variable", Verb.Read, "credential", text, Risk.High, false,
                    $"{program} --variable imports the secret environment variable {text.TrimStart('%')} into the request", Tags.CredentialAccess),
                scope);
            return;
        }

        if (path is null || path.Length == 0 || !CredentialPaths.IsCredential(path))
        {
            return;
        }

        Emit(
            ActionFactory.Simple(program, "gatehouse.credential-upload", Verb.Read, "credential", path, Risk.High, false,
                $"{program} {option} reads the credential file {path} into the request it sends", Tags.CredentialAccess),
            scope);
    }
}
