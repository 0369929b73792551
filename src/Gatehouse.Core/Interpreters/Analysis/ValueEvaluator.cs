using System.Collections.Frozen;
using System.Text;
using Gatehouse.Core.Interpreters.Lexing;

namespace Gatehouse.Core.Interpreters.Analysis;

/// <summary>
/// Evaluates argument expressions as far as they are literal: strings (with concatenation, path joins,
/// home-directory lookups and base64 decoding), lists, and JSON-like dictionaries. Unknown pieces become
/// <see cref="DynamicText.Marker"/>, so a value is never claimed to be more literal than it is.
/// </summary>
internal sealed partial class ValueEvaluator
{
    private const int MaxDepth = 32;

    private readonly ScriptContext _ctx;

    /// <summary>Current nesting of evaluation, however it was reached: bounds the stack on hostile input.</summary>
    private int _active;

    public ValueEvaluator(ScriptContext ctx)
    {
        _ctx = ctx;
    }

    public string? String(CallArgument? arg) => arg is { } a ? String(a.Start, a.End) : null;

    /// <summary>The string value of a token range; null for an empty range; a lone marker when nothing is known.</summary>
    public string? String(int start, int end, int depth = 0)
    {
        if (start >= end)
        {
            return null;
        }

        if (depth > MaxDepth || _active > MaxDepth)
        {
            return DynamicText.MarkerString;
        }

        _active++;
        try
        {
            return Concatenation(start, end, depth);
        }
        finally
        {
            _active--;
        }
    }

    private string Concatenation(int start, int end, int depth)
    {
        var sb = new StringBuilder();
        var p = start;
        while (true)
        {
            var (value, next) = Term(p, end, depth);
            if (value is null || next > end)
            {
                return DynamicText.MarkerString;
            }

            sb.Append(value);
            p = next;
            if (p >= end)
            {
                return sb.ToString();
            }

            if (_ctx.IsConcatOperator(p) || (_ctx.Dialect == ScriptDialect.Ruby && _ctx.IsPunct(p, "<<")))
            {
                p++;
                continue;
            }

            if (_ctx.Dialect == ScriptDialect.Python && _ctx.IsPunct(p, "/"))
            {
                // pathlib joins with "/".
                if (sb.Length == 0 || sb[^1] != '/')
                {
                    sb.Append('/');
                }

                p++;
                continue;
            }

            if (_ctx.Dialect == ScriptDialect.Python && _ctx[p].Kind == TokenKind.String)
            {
                continue;
            }

            if (_ctx.IsPunct(p, "%") && _ctx.Dialect is ScriptDialect.Python or ScriptDialect.Ruby)
            {
                // printf-style formatting fills the literal's %s slots with unknown values.
                return FormatPlaceholders.ReplacePrintf(sb.ToString());
            }

            return DynamicText.MarkerString;
        }
    }

    private (string? Value, int Next) Term(int p, int end, int depth)
    {
        if (p >= end)
        {
            return (null, p);
        }

        var t = _ctx[p];
        switch (t.Kind)
        {
            case TokenKind.String:
                return Trailing(t.Text, p + 1, end, depth);
            case TokenKind.Number:
                return (t.Text, p + 1);
            case TokenKind.Punct when t.Text == "(" && _ctx.Match[p] < end:
                var close = _ctx.Match[p];
                var inner = String(p + 1, close, depth + 1) ?? string.Empty;
                return Trailing(inner, close + 1, end, depth);
            case TokenKind.Punct when t.Text == "-" && p + 1 < end && _ctx[p + 1].Kind == TokenKind.Number:
                return ("-" + _ctx[p + 1].Text, p + 2);
            case TokenKind.Identifier:
                return IdentifierTerm(p, end, depth);
            default:
                return (null, p);
        }
    }

    private (string? Value, int Next) IdentifierTerm(int p, int end, int depth)
    {
        var t = _ctx[p];
        if (_ctx.Constants.TryGetValue(t.Text, out var constant) && !_ctx.IsPunct(p + 1, "(") && !_ctx.IsMemberOperator(p + 1))
        {
            return Trailing(constant, p + 1, end, depth);
        }

        if (TryEnvironmentSubscript(p, end, out var envNext))
        {
            return ("~", envNext);
        }

        if (t.Text is "new" && p + 1 < end && _ctx[p + 1].Kind == TokenKind.Identifier)
        {
            p++;
        }

        var chain = ChainReader.Read(_ctx, p);
        if (chain.End > end)
        {
            // The range ends inside the chain (Dir.glob('*').each → just Dir.glob('*')).
            var keep = chain.Segments.Count;
            while (keep > 0 && chain.Segments[keep - 1].End > end)
            {
                keep--;
            }

            if (keep == 0)
            {
                return (null, p);
            }

            chain = new Chain(chain.Segments.GetRange(0, keep), chain.Start, chain.Segments[keep - 1].End, chain.RootIsModule);
        }

        var next = chain.End;

        var name = ChainReader.QualifiedName(_ctx, chain, chain.Segments.Count);
        if (TryEnvironmentSubscript(name, next, end, out envNext))
        {
            return ("~", envNext);
        }

        if (!chain.Segments[^1].IsCall && _ctx.Dialect is ScriptDialect.Perl or ScriptDialect.Ruby
            && KnownNames.Contains(name) && ArgumentReader.StartsParenlessArgument(_ctx, next) && next < end)
        {
            // Perl and Ruby call without brackets: unlink glob "/var/backups/*" takes the rest of the expression.
            return (KnownValue(name, ArgumentReader.Split(_ctx, next, end), depth) ?? DynamicText.MarkerString, end);
        }

        // The longest known prefix wins: base64.b64decode('…').decode() is the decoder, then a pass-through method.
        string? value = null;
        for (var count = chain.Segments.Count; count >= 1 && value is null; count--)
        {
            value = KnownValue(chain.Segments[count - 1], ChainReader.QualifiedName(_ctx, chain, count), depth);
            if (value is not null)
            {
                next = chain.Segments[count - 1].End;
            }
        }

        if (value is null)
        {
            next = SkipSubscripts(next, end);
            return (DynamicText.MarkerString, next);
        }

        return Trailing(value, next, end, depth);
    }

    private int SkipSubscripts(int p, int end)
    {
        while (p < end && _ctx[p].Kind == TokenKind.Punct && _ctx[p].Text is "[" or "{" && _ctx.Match[p] < end)
        {
            p = _ctx.Match[p] + 1;
            if (_ctx.IsMemberOperator(p) && p + 1 < end && _ctx[p + 1].Kind == TokenKind.Identifier)
            {
                var chain = ChainReader.Read(_ctx, p + 1);
                p = Math.Min(chain.End, end);
            }
        }

        return p;
    }

    /// <summary>Method calls after a known value that keep it (<c>.decode()</c>, <c>.strip()</c>) or extend it (<c>.joinpath('x')</c>).</summary>
    private (string? Value, int Next) Trailing(string value, int p, int end, int depth)
    {
        while (p + 1 < end && _ctx.IsMemberOperator(p) && _ctx[p + 1].Kind == TokenKind.Identifier)
        {
            var method = _ctx[p + 1].Text;
            var q = p + 2;
            CallArguments args = CallArguments.None;
            if (q < end && _ctx.IsPunct(q, "(") && _ctx.Match[q] < end)
            {
                args = ArgumentReader.Read(_ctx, q, _ctx.Match[q]);
                q = _ctx.Match[q] + 1;
            }

            switch (method)
            {
                case "decode" or "encode" or "toString" or "strip" or "rstrip" or "lstrip" or "trim" or "chomp" or "to_s" or "to_path"
                    or "expanduser" or "resolve" or "absolute" or "as_posix" or "__str__" or "normalize" or "expand_path" or "to_str"
                    or "realpath" or "cleanpath" or "normpath":
                    break;
                case "glob" or "rglob" when args.PositionalCount > 0:
                    // Path('/x').glob('*.log') enumerates what the pattern matches: the pattern is the target.
                    var pattern = String(args.Positional(0)) ?? DynamicText.MarkerString;
                    value = JoinPath(value, method == "rglob" ? JoinPath("**", pattern) : pattern);
                    break;
                case "iterdir" or "walk" or "rglob" or "glob" or "children" or "each_child" or "entries":
                    value = JoinPath(value, DynamicText.MarkerString);
                    break;
                case "split" or "shellsplit" when args.PositionalCount == 0:
                    // "rm -rf /".split() is the same command line as words.
                    break;
                case "joinpath" or "join" when _ctx.Dialect is ScriptDialect.Python or ScriptDialect.Ruby:
                    foreach (var a in args.All)
                    {
                        value = JoinPath(value, String(a.Start, a.End, depth + 1) ?? DynamicText.MarkerString);
                    }

                    break;
                case "format" when _ctx.Dialect == ScriptDialect.Python:
                    return (FormatPlaceholders.ReplaceBraces(value), q);
                default:
                    return (value + DynamicText.MarkerString, SkipSubscripts(q, end));
            }

            p = q;
        }

        return (value, p);
    }

    public static string JoinPath(string left, string right)
    {
        if (right.StartsWith('/') || right.StartsWith('~') || left.Length == 0)
        {
            return right;
        }

        return left.EndsWith('/') ? left + right : left + "/" + right;
    }

    private bool TryEnvironmentSubscript(int p, int end, out int next)
    {
        next = p;
        var t = _ctx[p];
        var isEnvironment = _ctx.Dialect switch
        {
            ScriptDialect.Perl => t.Text == "$ENV" && _ctx.IsPunct(p + 1, "{"),
            ScriptDialect.Php => t.Text is "$_SERVER" or "$_ENV" && _ctx.IsPunct(p + 1, "["),
            ScriptDialect.Ruby => t.Text == "ENV" && _ctx.IsPunct(p + 1, "["),
            _ => false,
        };
        return isEnvironment && IsHomeKey(p + 1, end, out next);
    }

    private bool TryEnvironmentSubscript(string name, int p, int end, out int next)
    {
        next = p;
        var isEnvironment = name is "os.environ" or "process.env" or "ENV" or "Deno.env";
        return isEnvironment && _ctx.IsPunct(p, "[") && IsHomeKey(p, end, out next);
    }

    private bool IsHomeKey(int open, int end, out int next)
    {
        next = open;
        var close = _ctx.Match[open];
        if (close != open + 2 || close >= end)
        {
            return false;
        }

        var key = _ctx[open + 1];
        if (key.Kind is TokenKind.String or TokenKind.Identifier && key.Text is "HOME" or "USERPROFILE")
        {
            next = close + 1;
            return true;
        }

        return false;
    }

    /// <summary>Every name <see cref="KnownValue"/> understands; other chains are rejected before their arguments are read.</summary>
    private static readonly FrozenSet<string> KnownNames = new[]
    {
        "Arel.sql", "Base64.decode64", "Base64.strict_decode64", "Buffer.from", "Cwd.getcwd", "Deno.env.HOME", "Deno.env.get",
        "Dir", "Dir.glob", "Dir.home", "Dir.pwd", "Dir.tmpdir", "ENV.fetch", "Etc.getpwuid.dir", "File.Glob.bsd_glob",
        "File.HomeDir.my_home", "File.Spec.catdir", "File.Spec.catfile", "File.Spec.rel2abs", "File.expand_path", "File.join",
        "Gem.user_home", "MIME.Base64.decode_base64", "Path.cwd", "Path.home", "Pathname", "Pathname.new", "String", "URI",
        "URI.parse", "URL", "__DIR__", "__dirname", "atob", "base64.b64decode", "base64.decodebytes",
        "base64.standard_b64decode", "base64_decode", "bsd_glob", "catdir", "catfile", "cwd", "decode_base64", "expanduser",
        "getcwd", "getenv", "glob", "glob.glob", "glob.iglob", "os.environ.get", "os.environ.setdefault", "os.fspath",
        "os.getcwd", "os.getenv", "os.walk", "os.fwalk", "os.scandir", "os.homedir", "os.path.abspath", "os.path.expanduser", "os.path.expandvars", "os.path.join",
        "os.path.normpath", "os.path.realpath", "os.tmpdir", "os.userInfo.homedir", "path.join", "path.normalize",
        "path.posix.join", "path.resolve", "pathlib.Path", "pathlib.Path.cwd", "pathlib.Path.home", "pathlib.PosixPath",
        "pathlib.PurePath", "posixpath.join", "process.cwd", "process.env.HOME", "psycopg2.sql.SQL", "realpath", "sql.SQL",
        "sqlalchemy.sql.text", "sqlalchemy.text", "str", "sys_get_temp_dir", "tempfile.gettempdir", "text",
        "http.client.HTTPSConnection", "http.client.HTTPConnection", "shlex.split", "Shellwords.split", "glob.sync", "glob.globSync", "fast-glob.sync", "globby.sync", "globby.globbySync",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The value of a well-known call or property when its arguments are known.</summary>
    private string? KnownValue(ChainSegment last, string name, int depth)
    {
        if (!KnownNames.Contains(name))
        {
            return null;
        }

        return KnownValue(name, last.IsCall ? ArgumentReader.Read(_ctx, last.CallOpen, last.CallClose) : CallArguments.None, depth);
    }

    private string? KnownValue(string name, CallArguments args, int depth)
    {
        switch (name)
        {
            case "pathlib.Path.home" or "Path.home" or "os.homedir" or "Dir.home" or "process.env.HOME" or "File.HomeDir.my_home"
                or "Deno.env.HOME" or "os.userInfo.homedir" or "Etc.getpwuid.dir" or "Gem.user_home":
                return "~";
            case "os.path.expanduser" or "expanduser" or "File.expand_path" or "os.path.abspath" or "os.path.realpath" or "os.path.normpath"
                or "path.normalize" or "str" or "String" or "os.fspath" or "URI" or "URI.parse" or "URL" or "os.path.expandvars"
                or "Pathname" or "Pathname.new" or "pathlib.PurePath" or "pathlib.PosixPath" or "File.Spec.rel2abs" or "realpath"
                or "shlex.split" or "Shellwords.split" or "sqlalchemy.text" or "text" or "sqlalchemy.sql.text" or "psycopg2.sql.SQL" or "sql.SQL" or "Arel.sql"
                or "glob.glob" or "glob.iglob" or "glob.sync" or "glob.globSync" or "fast-glob.sync" or "globby.sync" or "globby.globbySync" or "Dir.glob" or "glob" or "Dir" or "bsd_glob" or "File.Glob.bsd_glob":
                return String(args.Positional(0)) ?? string.Empty;
            case "os.walk" or "os.fwalk" or "os.scandir":
                // Enumerating a directory: each item lies under it. os.listdir is not here: it yields bare names,
                // which a later call resolves against the working directory, not the listed one.
                return JoinPath(String(args.NamedOrPositional("top", 0)) ?? ".", DynamicText.MarkerString);
            case "os.path.join" or "posixpath.join" or "path.join" or "path.resolve" or "path.posix.join" or "File.join" or "pathlib.Path"
                or "File.Spec.catfile" or "File.Spec.catdir" or "catfile" or "catdir":
                var joined = string.Empty;
                foreach (var a in args.All)
                {
                    joined = JoinPath(joined, String(a.Start, a.End, depth + 1) ?? DynamicText.MarkerString);
                }

                return joined;
            case "os.getenv" or "os.environ.get" or "getenv" or "ENV.fetch" or "Deno.env.get" or "os.environ.setdefault":
                var key = String(args.Positional(0));
                return key is "HOME" or "USERPROFILE" ? "~" : null;
            case "http.client.HTTPSConnection" or "http.client.HTTPConnection":
                var host = String(args.NamedOrPositional("host", 0));
                return host is null ? null : (name.EndsWith("HTTPSConnection", StringComparison.Ordinal) ? "https://" : "http://") + host;
            case "os.getcwd" or "process.cwd" or "Dir.pwd" or "getcwd" or "pathlib.Path.cwd" or "Path.cwd" or "Cwd.getcwd" or "cwd":
                return ".";
            case "tempfile.gettempdir" or "os.tmpdir" or "Dir.tmpdir" or "sys_get_temp_dir":
                return "/tmp";
            case "base64.b64decode" or "base64.standard_b64decode" or "base64.decodebytes" or "Base64.decode64" or "Base64.strict_decode64"
                or "MIME.Base64.decode_base64" or "decode_base64" or "base64_decode" or "atob":
                return Base64(String(args.Positional(0)));
            case "Buffer.from" when string.Equals(String(args.Positional(1)), "base64", StringComparison.Ordinal):
                return Base64(String(args.Positional(0)));
            case "Buffer.from":
                return String(args.Positional(0));
            default:
                return name switch
                {
                    "__dirname" or "__DIR__" => ".",
                    _ => null,
                };
        }
    }

    private static string? Base64(string? encoded)
    {
        if (encoded is null || DynamicText.IsDynamic(encoded))
        {
            return null;
        }

        var bytes = new byte[(encoded.Length * 3 / 4) + 4];
        return Convert.TryFromBase64String(encoded.Trim(), bytes, out var written) ? Encoding.UTF8.GetString(bytes, 0, written) : null;
    }
}
