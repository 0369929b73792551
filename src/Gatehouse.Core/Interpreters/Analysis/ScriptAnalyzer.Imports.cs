using System.Text;
using Gatehouse.Core.Interpreters.Lexing;

namespace Gatehouse.Core.Interpreters.Analysis;

/// <summary>Import statements and destructuring, which introduce the aliases later calls are resolved through.</summary>
internal sealed partial class ScriptAnalyzer
{
    /// <summary>Reads an import statement at <paramref name="i"/>; returns its last token index, or -1 when it is not one.</summary>
    private int TryImport(int i)
    {
        var t = _ctx[i];
        switch (_ctx.Dialect)
        {
            case ScriptDialect.Python when t.Text == "import":
                return PythonImport(i + 1);
            case ScriptDialect.Python when t.Text == "from":
                return PythonFromImport(i + 1);
            case ScriptDialect.JavaScript when t.Text == "import" && !_ctx.IsPunct(i + 1, "(") && !_ctx.IsPunct(i + 1, "."):
                return EsImport(i + 1);
            case ScriptDialect.Ruby when t.Text is "include" or "extend" && i + 1 < _ctx.Count && _ctx[i + 1].Kind == TokenKind.Identifier:
                var chain = ChainReader.Read(_ctx, i + 1);
                _ctx.StarModules.Add(ChainReader.QualifiedName(_ctx, chain, chain.Segments.Count));
                return chain.End - 1;
            default:
                return -1;
        }
    }

    private int ReadDottedName(int p, out string name)
    {
        var sb = new StringBuilder();
        while (p < _ctx.Count && _ctx[p].Kind == TokenKind.Identifier)
        {
            sb.Append(_ctx[p].Text);
            if (!_ctx.IsPunct(p + 1, ".") || p + 2 >= _ctx.Count || _ctx[p + 2].Kind != TokenKind.Identifier)
            {
                p++;
                break;
            }

            sb.Append('.');
            p += 2;
        }

        name = sb.ToString();
        return p;
    }

    private int PythonImport(int p)
    {
        while (p < _ctx.Count)
        {
            p = ReadDottedName(p, out var module);
            if (module.Length == 0)
            {
                return p - 1;
            }

            if (_ctx.IsPunct(p, ".") || p >= _ctx.Count)
            {
                return p - 1;
            }

            if (_ctx[p].IsIdentifier("as") && p + 1 < _ctx.Count)
            {
                _ctx.Aliases[_ctx[p + 1].Text] = ChainReader.ResolveRoot(_ctx, module);
                p += 2;
            }

            if (!_ctx.IsPunct(p, ","))
            {
                return p - 1;
            }

            p++;
        }

        return p - 1;
    }

    private int PythonFromImport(int p)
    {
        if (_ctx.IsPunct(p, "."))
        {
            return p;
        }

        p = ReadDottedName(p, out var module);
        if (module.Length == 0 || p >= _ctx.Count || !_ctx[p].IsIdentifier("import"))
        {
            return p - 1;
        }

        module = ChainReader.ResolveRoot(_ctx, module);
        p++;
        var end = _ctx.Count;
        if (_ctx.IsPunct(p, "("))
        {
            end = _ctx.Match[p];
            p++;
        }

        while (p < end)
        {
            var t = _ctx[p];
            if (t.IsPunct("*"))
            {
                _ctx.StarModules.Add(module);
                return p;
            }

            if (t.Kind != TokenKind.Identifier)
            {
                return end < _ctx.Count && end != _ctx.Count ? end : p - 1;
            }

            var alias = t.Text;
            var next = p + 1;
            if (next + 1 < _ctx.Count && _ctx[next].IsIdentifier("as"))
            {
                alias = _ctx[next + 1].Text;
                next += 2;
            }

            _ctx.Aliases[alias] = module + "." + t.Text;
            _ctx.Constants.Remove(alias);
            p = next;
            if (!_ctx.IsPunct(p, ","))
            {
                return end < _ctx.Count ? end : p - 1;
            }

            p++;
        }

        return end < _ctx.Count ? end : p - 1;
    }

    /// <summary>ES modules: <c>import fs from 'fs'</c>, <c>import * as cp from 'child_process'</c>, <c>import { rmSync as r } from 'node:fs'</c>.</summary>
    private int EsImport(int p)
    {
        var start = p;
        var moduleAt = -1;
        for (var q = p; q < _ctx.Count && q < p + 512; q++)
        {
            if (_ctx[q].Kind == TokenKind.String)
            {
                moduleAt = q;
                break;
            }

            if (_ctx[q].IsPunct(";"))
            {
                break;
            }
        }

        if (moduleAt < 0)
        {
            return start - 1;
        }

        var module = ChainReader.NormalizeModule(ScriptDialect.JavaScript, _ctx[moduleAt].Text);
        for (var q = start; q < moduleAt; q++)
        {
            var t = _ctx[q];
            if (t.IsPunct("{"))
            {
                BindNamed(q + 1, _ctx.Match[q], module, "as");
                q = _ctx.Match[q];
            }
            else if (t.IsPunct("*") && q + 2 < moduleAt && _ctx[q + 1].IsIdentifier("as"))
            {
                _ctx.Aliases[_ctx[q + 2].Text] = module;
                q += 2;
            }
            else if (t.Kind == TokenKind.Identifier && t.Text is not ("from" or "type"))
            {
                _ctx.Aliases[t.Text] = module;
            }
        }

        return moduleAt;
    }

    /// <summary>Binds the names in <c>{ a, b as c }</c> (import) or <c>{ a, b: c }</c> (destructuring) to members of <paramref name="owner"/>.</summary>
    private void BindNamed(int start, int end, string owner, string renameToken)
    {
        foreach (var entry in ArgumentReader.Split(_ctx, start, end).All)
        {
            if (entry.IsEmpty || _ctx[entry.Start].Kind is not (TokenKind.Identifier or TokenKind.String))
            {
                continue;
            }

            var member = _ctx[entry.Start].Text;
            var local = member;
            var rename = entry.Start + 1;
            if (rename + 1 < entry.End && (_ctx[rename].IsIdentifier(renameToken) || _ctx[rename].IsPunct(renameToken))
                && _ctx[rename + 1].Kind == TokenKind.Identifier)
            {
                local = _ctx[rename + 1].Text;
            }

            _ctx.Aliases[local] = owner + "." + member;
            _ctx.Constants.Remove(local);
        }
    }

    /// <summary>JavaScript <c>const { execSync: run } = require('child_process')</c>.</summary>
    private bool TryDestructuring(int i)
    {
        if (_ctx.Dialect != ScriptDialect.JavaScript || _ctx[i].Text is not ("const" or "let" or "var") || !_ctx.IsPunct(i + 1, "{"))
        {
            return false;
        }

        var close = _ctx.Match[i + 1];
        if (!_ctx.IsPunct(close + 1, "="))
        {
            return false;
        }

        var rhs = close + 2;
        while (rhs < _ctx.Count && _ctx[rhs].IsIdentifier("await"))
        {
            rhs++;
        }

        if (rhs >= _ctx.Count || _ctx[rhs].Kind != TokenKind.Identifier)
        {
            return false;
        }

        var chain = ChainReader.Read(_ctx, rhs);
        var owner = ChainReader.QualifiedName(_ctx, chain, chain.Segments.Count);
        BindNamed(i + 2, close, owner, ":");
        return true;
    }
}
