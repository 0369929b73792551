using System.Text;

namespace Gatehouse.Core.Shell.Syntax;

/// <summary>A shell word: what one argument becomes before field splitting and globbing.</summary>
public sealed record Word(IReadOnlyList<WordPart> Parts, int Start, int End)
{
    private string? _text;

    /// <summary>True when the word has no expansion whose value depends on the environment.</summary>
    public bool IsStatic
    {
        get
        {
            foreach (var part in Parts)
            {
                if (part is not LiteralPart)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>True when an unquoted <c>*</c>, <c>?</c> or <c>[</c> could make the shell expand this word to file names.</summary>
    public bool HasUnquotedGlob
    {
        get
        {
            foreach (var part in Parts)
            {
                if (part is LiteralPart { Quote: QuoteKind.None } literal && literal.Text.AsSpan().IndexOfAny("*?[") >= 0)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>The value after quote removal, or null when any part is dynamic.</summary>
    public string? StaticValue => IsStatic ? Text : null;

    /// <summary>
    /// The value after quote removal with dynamic parts rendered as their source form
    /// (<c>$HOME</c>, <c>${X:-y}</c>, <c>$(…)</c>, <c>~</c>): good for display and for heuristics
    /// that reason about what a dynamic value could be.
    /// </summary>
    public string Text => _text ??= Render();

    private string Render()
    {
        if (Parts.Count == 1 && Parts[0] is LiteralPart single)
        {
            return single.Text;
        }

        var builder = new StringBuilder();
        foreach (var part in Parts)
        {
            switch (part)
            {
                case LiteralPart literal:
                    builder.Append(literal.Text);
                    break;
                case ParameterPart parameter when parameter.Operator is null:
                    builder.Append('$').Append(parameter.Name);
                    break;
                case ParameterPart { Operator: "length" } parameter:
                    builder.Append("${#").Append(parameter.Name).Append('}');
                    break;
                case ParameterPart { Operator: "indirect" } parameter:
                    builder.Append("${!").Append(parameter.Name).Append('}');
                    break;
                case ParameterPart parameter:
                    builder.Append("${").Append(parameter.Name).Append(parameter.Operator).Append(parameter.Argument?.Text).Append('}');
                    break;
                case CommandSubstitutionPart:
                    builder.Append("$(…)");
                    break;
                case ArithmeticPart arithmetic:
                    builder.Append("$((").Append(arithmetic.Expression).Append("))");
                    break;
                case ProcessSubstitutionPart process:
                    builder.Append(process.IsInput ? "<(…)" : ">(…)");
                    break;
                case TildePart tilde:
                    builder.Append('~').Append(tilde.User);
                    break;
                default:
                    throw new InvalidOperationException($"Unhandled word part {part.GetType().Name}.");
            }
        }

        return builder.ToString();
    }
}
