using Gatehouse.Core.Interpreters.Lexing;

namespace Gatehouse.Core.Interpreters.Analysis;

/// <summary>Reads member chains and turns them into canonical qualified names, honouring import aliases.</summary>
internal static class ChainReader
{
    public static Chain Read(ScriptContext ctx, int start)
    {
        var segments = new List<ChainSegment>(4);
        var p = start;
        var rootIsModule = false;
        var first = ctx[p];
        if (IsModuleLoader(ctx, p) && TryLiteralSingleArgument(ctx, p + 1, out var module))
        {
            segments.Add(new ChainSegment(NormalizeModule(ctx.Dialect, module), -1, -1, ctx.Match[p + 1]));
            rootIsModule = true;
            p = ctx.Match[p + 1] + 1;
        }
        else if (IsImportModule(ctx, p) && TryLiteralSingleArgument(ctx, p + 3, out module))
        {
            // importlib.import_module('shutil') is the module itself.
            segments.Add(new ChainSegment(module, -1, -1, ctx.Match[p + 3]));
            rootIsModule = true;
            p = ctx.Match[p + 3] + 1;
        }
        else
        {
            segments.Add(new ChainSegment(CanonicalName(ctx.Dialect, first.Text), -1, -1, p));
            p++;
        }

        while (p < ctx.Count)
        {
            var last = segments[^1];
            if (ctx.IsPunct(p, "(") && !last.IsCall && !IsSpaceSeparatedRubyCall(ctx, p) && !ctx.IsWordListOpen(p))
            {
                var close = ctx.Match[p];
                segments[^1] = last with { CallOpen = p, CallClose = close };
                p = close + 1;
                continue;
            }

            if (ctx.Dialect == ScriptDialect.Ruby && ctx.IsPunct(p, "[") && !last.IsCall && last.Name == "Dir" && segments.Count == 1)
            {
                // Dir["*.log"] is Dir.glob("*.log").
                var close = ctx.Match[p];
                segments[^1] = last with { CallOpen = p, CallClose = close };
                p = close + 1;
                continue;
            }

            if (ctx.IsMemberOperator(p) && p + 1 < ctx.Count && ctx[p + 1].Kind == TokenKind.Identifier)
            {
                segments.Add(new ChainSegment(CanonicalName(ctx.Dialect, ctx[p + 1].Text), -1, -1, p + 1));
                p += 2;
                continue;
            }

            if (ctx.Dialect == ScriptDialect.JavaScript && ctx.IsPunct(p, "[") && ctx.Match[p] == p + 2
                && ctx[p + 1].Kind == TokenKind.String && !ctx[p + 1].IsDynamic)
            {
                // fs['rmSync'] is fs.rmSync.
                segments.Add(new ChainSegment(ctx[p + 1].Text, -1, -1, p + 2));
                p += 3;
                continue;
            }

            break;
        }

        return new Chain(segments, start, p, rootIsModule);
    }

    /// <summary>In Ruby, <c>puts (a)</c> passes a parenthesised expression; the call brackets must touch the name.</summary>
    private static bool IsSpaceSeparatedRubyCall(ScriptContext ctx, int p) =>
        ctx.Dialect == ScriptDialect.Ruby && p > 0 && ctx[p].Start > ctx[p - 1].End;

    private static bool IsModuleLoader(ScriptContext ctx, int p)
    {
        var t = ctx[p];
        if (t.Kind != TokenKind.Identifier || !ctx.IsPunct(p + 1, "("))
        {
            return false;
        }

        return ctx.Dialect switch
        {
            ScriptDialect.JavaScript => t.Text is "require" or "import",
            ScriptDialect.Python => t.Text == "__import__",
            _ => false,
        };
    }

    private static bool IsImportModule(ScriptContext ctx, int p) => ctx.Dialect == ScriptDialect.Python && p + 3 < ctx.Count
        && string.Equals(ResolveRoot(ctx, ctx[p].Text), "importlib", StringComparison.Ordinal) && ctx.IsPunct(p + 1, ".")
        && ctx[p + 2].IsIdentifier("import_module") && ctx.IsPunct(p + 3, "(");

    /// <summary>A single literal argument, possibly spelled as a concatenation of literals (<c>require('child_' + 'process')</c>).</summary>
    private static bool TryLiteralSingleArgument(ScriptContext ctx, int open, out string value)
    {
        value = string.Empty;
        var close = ctx.Match[open];
        if (close <= open + 1)
        {
            return false;
        }

        var text = new System.Text.StringBuilder();
        for (var q = open + 1; q < close; q += 2)
        {
            if (ctx[q].Kind != TokenKind.String || ctx[q].IsDynamic || (q + 1 < close && !ctx.IsConcatOperator(q + 1)))
            {
                return false;
            }

            text.Append(ctx[q].Text);
        }

        value = text.ToString();
        return true;
    }

    public static string NormalizeModule(ScriptDialect dialect, string module)
    {
        if (dialect != ScriptDialect.JavaScript)
        {
            return module;
        }

        if (module.StartsWith("node:", StringComparison.Ordinal))
        {
            module = module[5..];
        }

        return module switch
        {
            "fs/promises" => "fs.promises",
            "graceful-fs" => "fs",
            "child_process" => "child_process",
            _ => module,
        };
    }

    private static string CanonicalName(ScriptDialect dialect, string name)
    {
        switch (dialect)
        {
            case ScriptDialect.Perl when name.Contains("::", StringComparison.Ordinal):
                return name.Replace("::", ".", StringComparison.Ordinal);
            case ScriptDialect.Php when name.Contains('\\', StringComparison.Ordinal):
                return name[(name.LastIndexOf('\\') + 1)..];
            default:
                return name;
        }
    }

    /// <summary>
    /// The canonical dotted name of the chain's first <paramref name="count"/> segments, with the root
    /// replaced by what it aliases. PHP function names are case-insensitive, so they are lower-cased.
    /// </summary>
    public static string QualifiedName(ScriptContext ctx, Chain chain, int count)
    {
        var root = chain.Segments[0].Name;
        if (!chain.RootIsModule)
        {
            root = ResolveRoot(ctx, root);
        }

        if (count == 1)
        {
            return ctx.Dialect == ScriptDialect.Php && !root.StartsWith('$') ? root.ToLowerInvariant() : root;
        }

        var length = root.Length;
        for (var i = 1; i < count; i++)
        {
            length += chain.Segments[i].Name.Length + 1;
        }

        return string.Create(length, (root, chain, count), static (span, state) =>
        {
            state.root.AsSpan().CopyTo(span);
            var at = state.root.Length;
            for (var i = 1; i < state.count; i++)
            {
                span[at++] = '.';
                var name = state.chain.Segments[i].Name;
                name.AsSpan().CopyTo(span[at..]);
                at += name.Length;
            }
        });
    }

    public static string ResolveRoot(ScriptContext ctx, string root)
    {
        if (ctx.Aliases.TryGetValue(root, out var target))
        {
            return target;
        }

        return ctx.Dialect == ScriptDialect.Python && root is "posix" or "nt" ? "os" : root;
    }
}
