using Gatehouse.Core.Interpreters.Lexing;

namespace Gatehouse.Core.Interpreters.Analysis;

/// <summary>
/// Loop variables over a directory listing or a glob (<c>for f in glob.glob('/var/backups/*')</c>,
/// <c>foreach (glob('/x/*') as $f)</c>, <c>Dir.glob('/x/*').each { |f| … }</c>) take the listed location as
/// their value, so a deletion inside the loop is judged by where the loop walks.
/// </summary>
internal sealed partial class ScriptAnalyzer
{
    /// <summary>
    /// Binds every loop variable once before the main pass: a Python comprehension names its loop after the
    /// expression that uses the variable (<c>[os.remove(f) for f in …]</c>).
    /// </summary>
    private void BindLoopsAhead()
    {
        for (var i = 0; i < _ctx.Count; i++)
        {
            if (_ctx[i].Kind == TokenKind.Identifier && !_ctx.IsMemberOperator(i - 1))
            {
                TryBindLoop(i);
            }
        }
    }

    /// <summary>Binds the loop variable of the loop keyword at <paramref name="i"/>, if it is one.</summary>
    private void TryBindLoop(int i)
    {
        var t = _ctx[i];
        switch (_ctx.Dialect)
        {
            case ScriptDialect.Python when t.Text == "for":
                BindPythonFor(i + 1);
                break;
            case ScriptDialect.JavaScript when t.Text == "for" && _ctx.IsPunct(i + 1, "("):
                BindJavaScriptForOf(i + 2, _ctx.Match[i + 1]);
                break;
            case ScriptDialect.Php when t.Text.Equals("foreach", StringComparison.OrdinalIgnoreCase) && _ctx.IsPunct(i + 1, "("):
                BindPhpForeach(i + 2, _ctx.Match[i + 1]);
                break;
            case ScriptDialect.Perl when t.Text is "for" or "foreach":
                BindPerlFor(i + 1);
                break;
            default:
                break;
        }
    }

    private void BindPythonFor(int p)
    {
        string? variable = null;
        var q = p;
        while (q < _ctx.Count && !_ctx[q].IsIdentifier("in") && q < p + 16)
        {
            if (variable is null && _ctx[q].Kind == TokenKind.Identifier)
            {
                variable = _ctx[q].Text;
            }

            q++;
        }

        if (variable is null || q >= _ctx.Count || !_ctx[q].IsIdentifier("in"))
        {
            return;
        }

        var start = q + 1;
        var end = start;
        while (end < _ctx.Count)
        {
            var u = _ctx[end];
            if (u.Kind == TokenKind.Newline || u.IsIdentifier("if") || u.IsIdentifier("for")
                || (u.Kind == TokenKind.Punct && u.Text is ":" or ")" or "]" or "}" or ";" or ","))
            {
                break;
            }

            end = u.Kind == TokenKind.Punct && u.Text is "(" or "[" or "{" ? _ctx.Match[end] + 1 : end + 1;
        }

        BindIterated(variable, start, end);
    }

    private void BindJavaScriptForOf(int p, int close)
    {
        while (p < close && _ctx[p].Kind == TokenKind.Identifier && _ctx[p].Text is "const" or "let" or "var" or "await")
        {
            p++;
        }

        if (p + 2 < close && _ctx[p].Kind == TokenKind.Identifier && _ctx[p + 1].IsIdentifier("of"))
        {
            BindIterated(_ctx[p].Text, p + 2, close);
        }
    }

    private void BindPhpForeach(int p, int close)
    {
        var q = p;
        while (q < close && !_ctx[q].IsIdentifier("as"))
        {
            q = _ctx[q].Kind == TokenKind.Punct && _ctx[q].Text is "(" or "[" or "{" ? _ctx.Match[q] + 1 : q + 1;
        }

        // foreach ($list as $value) and foreach ($list as $key => $value): the value is the last variable.
        if (q < close && _ctx[close - 1].Kind == TokenKind.Identifier && _ctx[close - 1].Text.StartsWith('$'))
        {
            BindIterated(_ctx[close - 1].Text, p, q);
        }
    }

    private void BindPerlFor(int p)
    {
        var variable = "$_";
        if (p < _ctx.Count && _ctx[p].Kind == TokenKind.Identifier && _ctx[p].Text is "my" or "our" or "local")
        {
            p++;
        }

        if (p < _ctx.Count && _ctx[p].Kind == TokenKind.Identifier && _ctx[p].Text.StartsWith('$'))
        {
            variable = _ctx[p].Text;
            p++;
        }

        if (_ctx.IsPunct(p, "("))
        {
            BindIterated(variable, p + 1, _ctx.Match[p]);
        }
        else if (p < _ctx.Count)
        {
            // Statement modifier: unlink $_ for glob "/x/*";
            BindIterated(variable, p, ArgumentReader.ParenlessEnd(_ctx, p));
        }
    }

    /// <summary>Ruby <c>Dir.glob('/x/*').each { |f| … }</c> and JavaScript <c>list.forEach(f =&gt; …)</c>.</summary>
    private void TryBindIteratorBlock(Chain chain)
    {
        var segments = chain.Segments;
        if (segments.Count < 2 || segments[^1].Name is not ("each" or "each_child" or "each_entry" or "forEach" or "for_each" or "map" or "select" or "filter"))
        {
            return;
        }

        var receiverEnd = segments[^1].NameIndex - 1;
        int variableAt;
        var last = segments[^1];
        if (_ctx.Dialect == ScriptDialect.Ruby)
        {
            var open = last.IsCall ? last.CallClose + 1 : last.NameIndex + 1;
            if (!_ctx.IsPunct(open, "{") && !(open < _ctx.Count && _ctx[open].IsIdentifier("do")))
            {
                return;
            }

            variableAt = _ctx.IsPunct(open + 1, "|") ? open + 2 : -1;
        }
        else if (_ctx.Dialect == ScriptDialect.JavaScript && last.IsCall)
        {
            var first = last.CallOpen + 1;
            variableAt = _ctx.IsPunct(first, "(") ? first + 1 : first;
        }
        else
        {
            return;
        }

        if (variableAt > 0 && variableAt < _ctx.Count && _ctx[variableAt].Kind == TokenKind.Identifier)
        {
            BindIterated(_ctx[variableAt].Text, chain.Start, receiverEnd);
        }
    }

    private void BindIterated(string variable, int start, int end)
    {
        if (start >= end)
        {
            return;
        }

        if (_ctx[start].Kind != TokenKind.Identifier)
        {
            // Only listings and variables bind: iterating a string literal yields its characters, not its value.
            _ctx.Constants.Remove(variable);
            return;
        }

        var value = _eval.String(start, end);
        if (value is null || !DynamicText.HasLiteralContent(value))
        {
            _ctx.Constants.Remove(variable);
            return;
        }

        _ctx.Constants[variable] = value;

        // for p in Path('/x').iterdir(): p is a Path, so p.unlink() is Path.unlink.
        var chain = ChainReader.Read(_ctx, start);
        var owner = ChainReader.QualifiedName(_ctx, chain, chain.Segments.Count);
        if (owner.StartsWith("pathlib.", StringComparison.Ordinal) || owner.StartsWith("Pathname", StringComparison.Ordinal))
        {
            _ctx.Aliases[variable] = owner;
        }
    }
}
