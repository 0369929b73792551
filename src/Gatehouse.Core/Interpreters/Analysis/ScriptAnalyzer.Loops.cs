using Gatehouse.Core.Interpreters.Lexing;

namespace Gatehouse.Core.Interpreters.Analysis;

/// <summary>
/// Loop variables over a file listing take the listing's pattern as their value, so that
/// <c>for f in glob.glob('*.pyc'): os.remove(f)</c> is judged by <c>*.pyc</c> rather than as an unknown path.
/// </summary>
internal sealed partial class ScriptAnalyzer
{
    /// <summary>Python <c>for x in …:</c> and Perl <c>for my $x (…)</c>.</summary>
    private void TryBindForLoop(int i)
    {
        var t = _ctx[i];
        if (_ctx.Dialect == ScriptDialect.Python && t.Text == "for" && i + 2 < _ctx.Count
            && _ctx[i + 1].Kind == TokenKind.Identifier && _ctx[i + 2].IsIdentifier("in"))
        {
            var end = i + 3;
            while (end < _ctx.Count && !_ctx.IsPunct(end, ":") && _ctx[end].Kind != TokenKind.Newline)
            {
                end = _ctx[end].Kind == TokenKind.Punct && _ctx[end].Text is "(" or "[" or "{" ? _ctx.Match[end] + 1 : end + 1;
            }

            Bind(_ctx[i + 1].Text, i + 3, end);
            return;
        }

        if (_ctx.Dialect == ScriptDialect.Php && t.Text == "foreach" && _ctx.IsPunct(i + 1, "("))
        {
            // foreach (glob('*.log') as $f)
            var close = _ctx.Match[i + 1];
            for (var p = i + 2; p + 1 < close; p++)
            {
                if (_ctx[p].IsIdentifier("as") && _ctx[p + 1].Kind == TokenKind.Identifier)
                {
                    Bind(_ctx[p + 1].Text, i + 2, p);
                    break;
                }
            }

            return;
        }

        if (_ctx.Dialect == ScriptDialect.Perl && t.Text is "for" or "foreach")
        {
            var p = i + 1;
            if (p < _ctx.Count && _ctx[p].IsIdentifier("my"))
            {
                p++;
            }

            if (p + 1 < _ctx.Count && _ctx[p].Kind == TokenKind.Identifier && _ctx[p].Text.StartsWith('$') && _ctx.IsPunct(p + 1, "("))
            {
                Bind(_ctx[p].Text, p + 2, _ctx.Match[p + 1]);
            }
        }
    }

    /// <summary>Ruby <c>Dir.glob('*.log').each { |f| … }</c> and JavaScript <c>list.forEach(f =&gt; …)</c>.</summary>
    private void TryBindIterationBlock(Chain chain)
    {
        var last = chain.Segments[^1];
        if (chain.Segments.Count < 2 || last.Name is not ("each" or "forEach" or "map" or "each_entry" or "for_each"))
        {
            return;
        }

        var sourceEnd = last.NameIndex - 1;
        string? parameter = null;
        if (_ctx.Dialect == ScriptDialect.Ruby)
        {
            var p = chain.End;
            if (p < _ctx.Count && (_ctx.IsPunct(p, "{") || _ctx[p].IsIdentifier("do")) && _ctx.IsPunct(p + 1, "|") && p + 2 < _ctx.Count)
            {
                parameter = _ctx[p + 2].Text;
            }
        }
        else if (_ctx.Dialect == ScriptDialect.JavaScript && last.IsCall)
        {
            var p = last.CallOpen + 1;
            if (_ctx.IsPunct(p, "(") && p + 1 < _ctx.Count)
            {
                p++;
            }

            if (p < _ctx.Count && _ctx[p].Kind == TokenKind.Identifier)
            {
                parameter = _ctx[p].Text;
            }
        }

        if (parameter is not null)
        {
            Bind(parameter, chain.Start, sourceEnd);
        }
    }

    private void Bind(string name, int start, int end)
    {
        var value = start < end ? _eval.String(start, end) : null;
        if (value is not null && DynamicText.HasLiteralContent(value) && IsListingSource(start, end))
        {
            _ctx.Constants[name] = value;
            if (_ctx[start].Kind == TokenKind.Identifier && ChainReader.ResolveRoot(_ctx, _ctx[start].Text) is "pathlib.Path" or "Pathname")
            {
                // Iterating Path('x').glob(…) yields Path objects: p.unlink() is pathlib.Path.unlink.
                _ctx.Aliases[name] = ChainReader.ResolveRoot(_ctx, _ctx[start].Text);
            }
        }
        else
        {
            _ctx.Constants.Remove(name);
        }
    }

    /// <summary>Only file listings bind: iterating over a plain string would bind its characters, not its value.</summary>
    private bool IsListingSource(int start, int end)
    {
        if (_ctx[start].Kind != TokenKind.Identifier)
        {
            return false;
        }

        var chain = ChainReader.Read(_ctx, start);
        for (var count = chain.Segments.Count; count >= 1; count--)
        {
            var name = ChainReader.QualifiedName(_ctx, chain, count);
            if (name is "glob.glob" or "glob.iglob" or "glob" or "Dir.glob" or "Dir" or "bsd_glob" or "File.Glob.bsd_glob" or "glob.sync"
                or "glob.globSync" or "fast-glob.sync" or "globby.sync" or "globby.globbySync"
                || name.EndsWith(".glob", StringComparison.Ordinal) || name.EndsWith(".rglob", StringComparison.Ordinal))
            {
                return chain.Segments[count - 1].End <= end;
            }
        }

        return false;
    }
}
