using Gatehouse.Core.Shell.Syntax;

namespace Gatehouse.Core.Analysis;

/// <summary>Builds words that did not come from the parser: arguments supplied at run time by xargs or find.</summary>
internal static class WordFactory
{
    public static Word Literal(string text) => new([new LiteralPart(text, QuoteKind.None)], 0, 0);

    /// <summary>A word whose value is only known at run time (a file found by find, a line read by xargs).</summary>
    public static Word Dynamic(string description) => new([new ParameterPart(description, null, null, Quoted: true)], 0, 0);

    /// <summary>
    /// "Some file under <paramref name="root"/>": the root's own parts (so <c>~</c> and <c>$HOME</c> keep their meaning)
    /// followed by a literal name, for the files find or ls feed to the next command.
    /// </summary>
    public static Word Under(Word root)
    {
        var text = root.Text;
        var separator = text.EndsWith('/') ? "found" : "/found";
        return new Word([.. root.Parts, new LiteralPart(separator, QuoteKind.Single)], root.Start, root.End);
    }

    /// <summary>A path as text, or null when it is computed: a leading <c>~</c> keeps its meaning in the text.</summary>
    public static string? PathText(Word word) => word.Parts is [TildePart, ..] ? word.Text : word.StaticValue;

    /// <summary>A path text back as a word, with a leading <c>~</c> as the home directory, for <see cref="Catalog.PathClassifier"/>.</summary>
    public static Word Path(string text) => text.StartsWith('~')
        ? new Word([new TildePart(null), new LiteralPart(text[1..], QuoteKind.None)], 0, 0)
        : Literal(text);

    /// <summary>Options whose value is a key that authenticates a connection, not data sent over it.</summary>
    public static bool IsAuthenticationKeyOption(string? option) =>
        option is "-i" or "-F" or "--identity" or "--key-file" or "--keyfile" or "--private-key";
}
