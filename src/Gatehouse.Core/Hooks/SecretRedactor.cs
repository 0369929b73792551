using System.Text;
using System.Text.RegularExpressions;

namespace Gatehouse.Core.Hooks;

/// <summary>
/// Removes secrets from text before it is stored: Authorization headers, bearer tokens, passwords and tokens given as
/// options, assignments or JSON fields, passwords inside connection strings, well-known token formats and private keys.
/// What remains shows what was attempted without handing the log reader the credential.
/// </summary>
internal static partial class SecretRedactor
{
    public const string Mask = "[REDACTED]";

    /// <summary>
    /// Every pattern below needs one of these words (compared ignoring ASCII case): a text with none of them cannot
    /// match, and skipping the regular expressions spares a hook process their start-up (about a tenth of its time). The GitHub
    /// token prefixes are spelled out (not "gh"): the risk name "high", in every risky action's log line, would match that.
    /// </summary>
    private static readonly string[] Triggers =
    [
        "-----begin", "authorization", "key", "token", "cookie", "bearer", "basic", "://", "passw", "pwd", "secret", "credential",
        "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github", "glpat", "xox", "npm_", "_live_", "_test_", "sk-", "akia", "asia", "eyj",
    ];

    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length == 0 || !MayHoldSecret(text) ? text : RedactPatterns(text);
    }

    /// <summary>
    /// The ASCII letter a case-insensitive, culture-invariant regular expression treats <paramref name="c"/> as, else
    /// <paramref name="c"/> itself when it is ASCII, else NUL (which no trigger word contains). The tests check this against
    /// the regex engine for every UTF-16 code unit.
    /// </summary>
    internal static char FoldToAscii(char c) => c switch
    {
        < '\u0080' => c,
        '\u212A' => 'k',
        '\u017F' => 's',
        '\u0130' or '\u0131' => 'i',
        _ => '\0',
    };

    /// <summary>
    /// Kept out of <see cref="Redact"/> so that a call whose text cannot hold a secret never loads the regular-expression
    /// engine at all: a precompiled method's types are bound when it first runs, whichever branch it takes.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static string RedactPatterns(string text)
    {
        var result = PrivateKeyBlock().Replace(text, Mask);
        result = AuthorizationHeader().Replace(result, m => m.Groups["prefix"].Value + Mask);
        result = BearerToken().Replace(result, m => m.Groups["prefix"].Value + Mask);
        result = ConnectionStringPassword().Replace(result, m => m.Groups["prefix"].Value + Mask + "@");
        result = SecretAssignment().Replace(result, m => m.Groups["prefix"].Value + Mask + m.Groups["close"].Value);
        result = SecretOption().Replace(result, m => m.Groups["prefix"].Value + Mask);
        result = KnownTokenFormat().Replace(result, Mask);
        return result;
    }

    /// <summary>
    /// False only when no pattern can match. Every pattern needs a trigger word, and the patterns ignore case the way
    /// .NET regular expressions do, where a few non-ASCII letters match ASCII ones (the Kelvin sign matches <c>k</c>): non-ASCII
    /// text is searched through <see cref="FoldToAscii"/>, so a reason with an arrow in it does not start the regex engine.
    /// </summary>
    internal static bool MayHoldSecret(string text)
    {
        if (!Ascii.IsValid(text))
        {
            text = string.Create(text.Length, text, static (folded, source) =>
            {
                for (var i = 0; i < source.Length; i++)
                {
                    folded[i] = FoldToAscii(source[i]);
                }
            });
        }

        foreach (var trigger in Triggers)
        {
            if (text.Contains(trigger, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z0-9 ]*PRIVATE KEY-----|$)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex PrivateKeyBlock();

    /// <summary><c>Authorization: Bearer …</c>, <c>Proxy-Authorization: Basic …</c>, <c>X-Api-Key: …</c> up to the end of the header value.</summary>
    [GeneratedRegex(@"(?<prefix>\b(?:proxy-)?(?:authorization|x-api-key|api-key|x-auth-token|private-token|cookie)\s*[:=]\s*)[^\r\n""'\\]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex AuthorizationHeader();

    [GeneratedRegex(@"(?<prefix>\b(?:bearer|token|basic)\s+)[A-Za-z0-9\-._~+/]{8,}=*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex BearerToken();

    /// <summary><c>postgres://user:secret@host</c>: the user stays, the password goes.</summary>
    [GeneratedRegex(@"(?<prefix>\b[a-z][a-z0-9+.\-]*://[^\s:/@""']*:)[^\s@/""']+@", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex ConnectionStringPassword();

    /// <summary><c>PASSWORD=…</c>, <c>api_key: …</c>, <c>"token": "…"</c>, <c>Password=…;</c> in ADO.NET connection strings.</summary>
    [GeneratedRegex(@"(?<prefix>[""']?\b[\w.\-]*(?:password|passwd|pwd|secret|token|api[_\-]?key|access[_\-]?key|private[_\-]?key|client[_\-]?secret|credentials?)[\w.\-]*[""']?\s*(?:=|:)\s*(?<open>[""']?))(?<value>[^\s""';&,}]+)(?<close>[""']?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex SecretAssignment();

    /// <summary><c>--password hunter2</c>, <c>--token abc</c>, <c>-p secret</c> is left alone (too often a port or a path).</summary>
    [GeneratedRegex(@"(?<prefix>--?[\w\-]*(?:password|passwd|token|secret|api-key|apikey|access-key)[\w\-]*(?:\s+|=))(?!-)[^\s""']+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex SecretOption();

    /// <summary>Token formats recognizable on their own: GitHub, GitLab, Slack, npm, Stripe, OpenAI/Anthropic, AWS access keys, JWTs.</summary>
    [GeneratedRegex(@"\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|glpat-[A-Za-z0-9\-_]{16,}|xox[abposr]-[A-Za-z0-9\-]{10,}|npm_[A-Za-z0-9]{30,}|[sr]k_(?:live|test)_[A-Za-z0-9]{16,}|sk-[A-Za-z0-9\-_]{20,}|(?:AKIA|ASIA)[A-Z0-9]{16}|eyJ[A-Za-z0-9_\-]{8,}\.eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,})", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex KnownTokenFormat();
}
