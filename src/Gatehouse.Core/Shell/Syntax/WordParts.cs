namespace Gatehouse.Core.Shell.Syntax;

/// <summary>How a piece of literal text was quoted in the source.</summary>
public enum QuoteKind
{
    /// <summary>Unquoted: globbing, tilde and word splitting apply.</summary>
    None,
    /// <summary><c>'…'</c>: fully literal.</summary>
    Single,
    /// <summary><c>"…"</c>: literal apart from expansions, which appear as their own parts.</summary>
    Double,
    /// <summary><c>$'…'</c>: escapes already decoded into the text.</summary>
    AnsiC,
    /// <summary>A single backslash-escaped character outside quotes.</summary>
    Escaped,
}

/// <summary>One piece of a shell word. A word is the concatenation of its parts.</summary>
public abstract record WordPart;

/// <summary>Literal text after quote removal and escape decoding.</summary>
public sealed record LiteralPart(string Text, QuoteKind Quote) : WordPart;

/// <summary>
/// A parameter expansion: <c>$X</c>, <c>${X}</c>, <c>$1</c>, <c>$@</c>, or <c>${X:-word}</c> style with an operator.
/// </summary>
/// <param name="Name">The parameter name or special character (<c>@</c>, <c>*</c>, <c>#</c>, <c>?</c>, <c>1</c>…).</param>
/// <param name="Operator">The operator inside braces (<c>:-</c>, <c>-</c>, <c>:=</c>, <c>:?</c>, <c>?</c>, <c>:+</c>, <c>#</c>, <c>##</c>, <c>%</c>, <c>%%</c>, <c>/</c>, <c>//</c>, <c>^^</c>, <c>,,</c>, <c>:</c> for substrings, <c>#</c> prefix for length is reported as <c>length</c>), or null.</param>
/// <param name="Argument">The word after the operator, when there is one.</param>
/// <param name="Quoted">Whether the expansion stood inside double quotes.</param>
public sealed record ParameterPart(string Name, string? Operator, Word? Argument, bool Quoted) : WordPart;

/// <summary><c>$(…)</c> or <c>`…`</c>: a script whose output becomes part of the word. It executes.</summary>
public sealed record CommandSubstitutionPart(Script Body, bool Backtick, bool Quoted) : WordPart;

/// <summary><c>$((…))</c>: the raw expression text. Arithmetic may hold command substitutions; they are parsed into <see cref="Substitutions"/>.</summary>
public sealed record ArithmeticPart(string Expression, IReadOnlyList<Script> Substitutions, bool Quoted) : WordPart;

/// <summary><c>&lt;(…)</c> or <c>&gt;(…)</c>: a script that runs concurrently, its stream passed as a file name.</summary>
public sealed record ProcessSubstitutionPart(Script Body, bool IsInput) : WordPart;

/// <summary>An unquoted leading <c>~</c> or <c>~user</c>.</summary>
public sealed record TildePart(string? User) : WordPart;
