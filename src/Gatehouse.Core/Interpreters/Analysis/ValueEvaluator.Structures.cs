using System.Globalization;
using System.Text;
using Gatehouse.Core.Interpreters.Lexing;

namespace Gatehouse.Core.Interpreters.Analysis;

/// <summary>List and dictionary literals: argument vectors, option objects, JSON bodies.</summary>
internal sealed partial class ValueEvaluator
{
    /// <summary>The elements of a list literal (<c>[…]</c>, a tuple, PHP <c>array(…)</c>), or null when the range is not one.</summary>
    public List<string>? List(CallArgument? arg)
    {
        if (arg is not { } a)
        {
            return null;
        }

        if (a.End - a.Start == 1 && _ctx[a.Start].Kind == TokenKind.Identifier && _ctx.ListConstants.TryGetValue(_ctx[a.Start].Text, out var bound))
        {
            a = bound;
        }

        var (open, close) = ListBrackets(a.Start, a.End);
        if (open < 0)
        {
            return null;
        }

        var items = new List<string>();
        foreach (var element in ArgumentReader.Split(_ctx, open + 1, close).All)
        {
            if (element.Name is not null)
            {
                continue;
            }

            items.Add(String(element.Start, element.End, 1) ?? DynamicText.MarkerString);
        }

        return items;
    }

    private (int Open, int Close) ListBrackets(int start, int end)
    {
        if (start >= end)
        {
            return (-1, -1);
        }

        var t = _ctx[start];
        if (t.IsPunct("[") && _ctx.Match[start] == end - 1)
        {
            return (start, end - 1);
        }

        if (t.IsPunct("(") && _ctx.Match[start] == end - 1 && _ctx.Dialect is ScriptDialect.Python or ScriptDialect.Perl)
        {
            return (start, end - 1);
        }

        if (_ctx.Dialect == ScriptDialect.Php && t.Kind == TokenKind.Identifier && t.Text.Equals("array", StringComparison.OrdinalIgnoreCase)
            && _ctx.IsPunct(start + 1, "(") && _ctx.Match[start + 1] == end - 1)
        {
            return (start + 1, end - 1);
        }

        return (-1, -1);
    }

    /// <summary>The value range of <paramref name="key"/> in a dictionary/object literal argument, if present.</summary>
    public CallArgument? Entry(CallArgument? arg, string key)
    {
        if (arg is not { } a || a.Start >= a.End)
        {
            return null;
        }

        var open = a.Start;
        if (!(_ctx[open].IsPunct("{") || (_ctx[open].IsPunct("[") && _ctx.Dialect == ScriptDialect.Php)) || _ctx.Match[open] != a.End - 1)
        {
            return null;
        }

        foreach (var entry in ArgumentReader.Split(_ctx, open + 1, a.End - 1).All)
        {
            if (TryEntry(entry, out var entryKey, out var valueStart) && string.Equals(entryKey, key, StringComparison.Ordinal))
            {
                return new CallArgument(key, valueStart, entry.End);
            }
        }

        return null;
    }

    private bool TryEntry(CallArgument entry, out string key, out int valueStart)
    {
        key = string.Empty;
        valueStart = -1;
        if (entry.Name is not null)
        {
            // Ruby's "key: value" was already split off by the argument reader.
            key = entry.Name;
            valueStart = entry.Start;
            return true;
        }

        if (entry.End - entry.Start < 3)
        {
            return false;
        }

        var k = _ctx[entry.Start];
        var sep = _ctx[entry.Start + 1];
        if (!(sep.IsPunct(":") || sep.IsPunct("=>")) || k.Kind is not (TokenKind.String or TokenKind.Identifier or TokenKind.Number) || k.IsDynamic)
        {
            return false;
        }

        key = k.Text;
        valueStart = entry.Start + 2;
        return true;
    }

    /// <summary>Serialises a fully literal value as JSON; null when any part of it is not literal.</summary>
    public string? Json(CallArgument? arg)
    {
        if (arg is not { } a)
        {
            return null;
        }

        var sb = new StringBuilder();
        return AppendJson(sb, a.Start, a.End, 0) ? sb.ToString() : null;
    }

    private bool AppendJson(StringBuilder sb, int start, int end, int depth)
    {
        if (start >= end || depth > MaxDepth)
        {
            return false;
        }

        var t = _ctx[start];
        if (end - start == 1)
        {
            switch (t.Kind)
            {
                case TokenKind.String when !t.IsDynamic:
                    AppendJsonString(sb, t.Text);
                    return true;
                case TokenKind.Number when double.TryParse(t.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out _):
                    sb.Append(t.Text);
                    return true;
                case TokenKind.Identifier:
                    var literal = t.Text switch
                    {
                        "True" or "true" => "true",
                        "False" or "false" => "false",
                        "None" or "null" or "nil" or "undef" or "NULL" => "null",
                        _ => null,
                    };
                    sb.Append(literal);
                    return literal is not null;
                default:
                    return false;
            }
        }

        if (t.IsPunct("-") && end - start == 2 && _ctx[start + 1].Kind == TokenKind.Number)
        {
            sb.Append('-').Append(_ctx[start + 1].Text);
            return true;
        }

        if (t.IsPunct("{") && _ctx.Match[start] == end - 1)
        {
            return AppendJsonObject(sb, start + 1, end - 1, depth);
        }

        var (open, close) = ListBrackets(start, end);
        if (open < 0)
        {
            return false;
        }

        var entries = ArgumentReader.Split(_ctx, open + 1, close).All;
        if (_ctx.Dialect == ScriptDialect.Php && entries.Count > 0 && HasFatComma(entries[0]))
        {
            return AppendJsonObject(sb, open + 1, close, depth);
        }

        sb.Append('[');
        for (var i = 0; i < entries.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            if (entries[i].Name is not null || !AppendJson(sb, entries[i].Start, entries[i].End, depth + 1))
            {
                return false;
            }
        }

        sb.Append(']');
        return true;
    }

    private bool HasFatComma(CallArgument entry) => entry.End - entry.Start >= 3 && _ctx[entry.Start + 1].IsPunct("=>");

    private bool AppendJsonObject(StringBuilder sb, int start, int end, int depth)
    {
        sb.Append('{');
        var first = true;
        foreach (var entry in ArgumentReader.Split(_ctx, start, end).All)
        {
            if (!TryEntry(entry, out var key, out var valueStart))
            {
                return false;
            }

            if (!first)
            {
                sb.Append(',');
            }

            first = false;
            AppendJsonString(sb, key);
            sb.Append(':');
            if (!AppendJson(sb, valueStart, entry.End, depth + 1))
            {
                return false;
            }
        }

        sb.Append('}');
        return true;
    }

    private static void AppendJsonString(StringBuilder sb, string value)
    {
        sb.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case < ' ': sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: sb.Append(c); break;
            }
        }

        sb.Append('"');
    }
}
