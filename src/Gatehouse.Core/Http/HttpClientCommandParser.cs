using Gatehouse.Core.Model;
using Gatehouse.Core.Shell.Syntax;

namespace Gatehouse.Core.Http;

/// <summary>
/// Turns the arguments of an HTTP client command line (curl, wget, HTTPie's <c>http</c>/<c>https</c>,
/// xh/xhs) into the request it would send, so the HTTP classifier can judge it.
/// </summary>
public static class HttpClientCommandParser
{
    /// <summary>
    /// The request the command sends. When it sends several (several URLs, curl's <c>--next</c>) this is the
    /// riskiest of them by <see cref="HttpRequestClassifier"/>, so a harmless first URL cannot hide a
    /// destructive second one; <see cref="ParseAll"/> returns all. Null when the words are not a request
    /// (<c>curl --version</c>).
    /// </summary>
    /// <param name="tool">The command name (a path such as <c>/usr/bin/curl</c> is accepted).</param>
    /// <param name="arguments">The words after the command name.</param>
    /// <param name="standardInput">Literal standard input when the caller knows it (heredoc, here-string, echo pipe).</param>
    public static HttpRequestDescription? TryParse(string tool, IReadOnlyList<Word> arguments, string? standardInput)
    {
        var all = ParseAll(tool, arguments, standardInput);
        if (all.Count <= 1)
        {
            return all.Count == 0 ? null : all[0];
        }

        var riskiest = all[0];
        var highest = HighestRisk(riskiest);
        for (var i = 1; i < all.Count; i++)
        {
            var risk = HighestRisk(all[i]);
            if (risk > highest)
            {
                riskiest = all[i];
                highest = risk;
            }
        }

        return riskiest;
    }

    /// <summary>Every request the command line sends, in order; empty when it sends none.</summary>
    internal static IReadOnlyList<HttpRequestDescription> ParseAll(string tool, IReadOnlyList<Word> arguments, string? standardInput)
    {
        try
        {
            var words = new List<ClientWord>(arguments.Count);
            foreach (var argument in arguments)
            {
                words.Add(new ClientWord(argument));
            }

            return NormalizeTool(tool) switch
            {
                "curl" => CurlCommandParser.Parse(words, standardInput),
                "wget" => WgetCommandParser.Parse(words, standardInput),
                "http" or "xh" => HttpieCommandParser.Parse(words, standardInput, "http"),
                "https" or "xhs" => HttpieCommandParser.Parse(words, standardInput, "https"),
                _ => [],
            };
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A command we cannot read is still a request to somewhere: report it as fully opaque.
            return [new HttpRequestDescription("UNKNOWN", string.Empty, [], null, BodyIsOpaque: true)];
        }
    }

    private static Risk HighestRisk(HttpRequestDescription request)
    {
        var highest = Risk.None;
        foreach (var action in HttpRequestClassifier.Classify(request))
        {
            if (action.Risk > highest)
            {
                highest = action.Risk;
            }
        }

        return highest;
    }

    private static string NormalizeTool(string tool)
    {
        var name = tool;
        var slash = name.LastIndexOfAny(['/', '\\']);
        if (slash >= 0)
        {
            name = name[(slash + 1)..];
        }

        if (name.EndsWith(".exe", StringComparison.OrdinalIgnoreCase))
        {
            name = name[..^4];
        }

        return name.ToLowerInvariant();
    }
}

/// <summary>A command-line word as the HTTP client parsers need it: its text, and whether a dynamic part hides its content.</summary>
internal readonly struct ClientWord
{
    private readonly string? _text;

    public ClientWord(Word word)
    {
        _text = word.Text;
        IsStatic = word.IsStatic;
        HidesContent = ComputeHidesContent(word);
    }

    /// <summary>The value part of a word that also held an option (<c>-d$BODY</c>, <c>--data=$BODY</c>).</summary>
    public ClientWord(string valueText, ClientWord origin)
    {
        _text = valueText;
        IsStatic = origin.IsStatic;
        HidesContent = origin.HidesContent || (!origin.IsStatic && valueText.StartsWith('$'));
    }

    /// <summary>The value with dynamic parts as placeholders (<c>$TOKEN</c>, <c>$(…)</c>); empty for a missing word.</summary>
    public string Text => _text ?? string.Empty;

    public bool IsStatic { get; }

    /// <summary>True when the value is produced by a command or is nothing but a variable: its content cannot be judged.</summary>
    public bool HidesContent { get; }

    private static bool ComputeHidesContent(Word word)
    {
        var literal = false;
        foreach (var part in word.Parts)
        {
            switch (part)
            {
                case CommandSubstitutionPart or ProcessSubstitutionPart:
                    return true;
                case LiteralPart text when !string.IsNullOrWhiteSpace(text.Text):
                    literal = true;
                    break;
                default:
                    break;
            }
        }

        return !literal && !word.IsStatic;
    }
}
