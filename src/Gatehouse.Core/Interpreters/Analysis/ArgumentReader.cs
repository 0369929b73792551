using Gatehouse.Core.Interpreters.Lexing;

namespace Gatehouse.Core.Interpreters.Analysis;

/// <summary>Splits call brackets (or a paren-less argument run) into arguments at top-level commas.</summary>
internal static class ArgumentReader
{
    public static CallArguments Read(ScriptContext ctx, int open, int close) => Split(ctx, open + 1, close);

    public static CallArguments Split(ScriptContext ctx, int start, int end)
    {
        if (start >= end)
        {
            return CallArguments.None;
        }

        var args = new List<CallArgument>(4);
        var argStart = start;
        var p = start;
        while (p < end)
        {
            var t = ctx[p];
            if (t.Kind == TokenKind.Punct)
            {
                if (t.Text is "(" or "[" or "{")
                {
                    p = ctx.Match[p] + 1;
                    continue;
                }

                if (t.Text == "," || (t.Text == "=>" && ctx.Dialect == ScriptDialect.Perl))
                {
                    Add(ctx, args, argStart, p);
                    argStart = p + 1;
                }
            }

            p++;
        }

        Add(ctx, args, argStart, end);
        return new CallArguments(args);
    }

    private static void Add(ScriptContext ctx, List<CallArgument> args, int start, int end)
    {
        if (start >= end)
        {
            return;
        }

        var t = ctx[start];
        if (end - start >= 2 && t.Kind == TokenKind.Punct && t.Text is "*" or "..." or "**")
        {
            // A splatted list literal (system(*%w[git status])) spreads into the arguments it holds.
            args.Add(new CallArgument(null, start + 1, end));
            return;
        }

        if (end - start >= 3)
        {
            var sep = ctx[start + 1];
            var named = ctx.Dialect switch
            {
                ScriptDialect.Python => t.Kind == TokenKind.Identifier && sep.IsPunct("="),
                ScriptDialect.Ruby => (t.Kind == TokenKind.String && sep.IsPunct(":")) || (t.Kind is TokenKind.String or TokenKind.Identifier && sep.IsPunct("=>")),
                ScriptDialect.Php => t.Kind == TokenKind.Identifier && sep.IsPunct(":") && !t.Text.StartsWith('$'),
                _ => false,
            };
            if (named)
            {
                args.Add(new CallArgument(t.Text, start + 2, end));
                return;
            }
        }

        args.Add(new CallArgument(null, start, end));
    }

    /// <summary>
    /// Where the arguments of a paren-less call end (Ruby <c>system "ls"</c>, Perl <c>unlink "x" or die</c>):
    /// at the end of the statement or at a low-precedence keyword, outside brackets.
    /// </summary>
    public static int ParenlessEnd(ScriptContext ctx, int start)
    {
        var p = start;
        while (p < ctx.Count)
        {
            var t = ctx[p];
            if (t.Kind == TokenKind.Newline)
            {
                return p;
            }

            if (t.Kind == TokenKind.Punct)
            {
                if (t.Text is "(" or "[" or "{")
                {
                    p = ctx.Match[p] + 1;
                    continue;
                }

                if (t.Text is ";" or ")" or "]" or "}" or "||" or "&&")
                {
                    return p;
                }
            }
            else if (t.Kind == TokenKind.Identifier && t.Text is "or" or "and" or "if" or "unless" or "while" or "until" or "do" or "end" or "then" or "rescue")
            {
                return p;
            }

            p++;
        }

        return p;
    }

    /// <summary>True when the token can begin an argument of a paren-less call.</summary>
    public static bool StartsParenlessArgument(ScriptContext ctx, int p)
    {
        if (p >= ctx.Count)
        {
            return false;
        }

        var t = ctx[p];
        return t.Kind switch
        {
            TokenKind.String or TokenKind.Command or TokenKind.Number => true,
            TokenKind.Identifier => t.Text is not ("or" or "and" or "if" or "unless" or "while" or "until" or "do" or "end" or "then" or "rescue" or "x" or "eq" or "ne" or "lt" or "gt" or "le" or "ge" or "cmp" or "in"),
            TokenKind.Punct => t.Text is "[" || (t.Text == "(" && (ctx.Dialect == ScriptDialect.Ruby || ctx.IsWordListOpen(p))),
            _ => false,
        };
    }
}
