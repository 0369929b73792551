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
}
