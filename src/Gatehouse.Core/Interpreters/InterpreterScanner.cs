using Gatehouse.Core.Catalog;
using Gatehouse.Core.Interpreters.Analysis;
using Gatehouse.Core.Interpreters.Findings;
using Gatehouse.Core.Interpreters.Lexing;
using Gatehouse.Core.Model;

namespace Gatehouse.Core.Interpreters;

/// <summary>
/// Scans interpreter one-liners and small scripts (Python, JavaScript, Ruby, Perl, PHP) for what they
/// destroy or hand on: file deletions, process kills, credential reads and dynamic code as actions;
/// shell commands, SQL text and HTTP requests for the classifiers of those languages.
/// </summary>
public static class InterpreterScanner
{
    /// <summary>Never throws. Code that cannot be tokenised, or a language it does not know, yields an opaque high-risk action.</summary>
    public static InterpreterScanResult Scan(EmbeddedLanguage language, string code)
    {
        var tool = ToolName(language);
        var dialect = Dialect(language);
        if (dialect is null)
        {
            var unknown = new ScanFindings(tool);
            unknown.AddOpaque("unsupported", $"code in {language} is not scanned", Verb.Execute);
            return unknown.ToResult();
        }

        return ScanDialect(dialect.Value, code ?? string.Empty, nesting: 0);
    }

    internal static InterpreterScanResult ScanDialect(ScriptDialect dialect, string code, int nesting)
    {
        var findings = new ScanFindings(ToolName(dialect));
        try
        {
            var lexed = ScriptLexer.Lex(code, dialect);
            if (lexed.Error is not null)
            {
                findings.AddOpaque("parse-error", $"the code could not be tokenised ({lexed.Error})", Verb.Execute, Model.Tags.ParseError);
                return findings.ToResult();
            }

            var ctx = ScriptContext.Create(dialect, lexed.Tokens, nesting);
            if (ctx is null)
            {
                findings.AddOpaque("parse-error", "the code has unbalanced brackets", Verb.Execute, Model.Tags.ParseError);
                return findings.ToResult();
            }

            new ScriptAnalyzer(ctx, findings, (nested, depth) => ScanDialect(dialect, nested, depth)).Run();
            return findings.ToResult();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Fail closed: a scanner defect must never turn into "harmless".
            var failed = new ScanFindings(ToolName(dialect));
            failed.AddOpaque("scan-error", "the code could not be analysed", Verb.Execute, Model.Tags.ParseError);
            return failed.ToResult();
        }
    }

    private static ScriptDialect? Dialect(EmbeddedLanguage language) => language switch
    {
        EmbeddedLanguage.Python => ScriptDialect.Python,
        EmbeddedLanguage.JavaScript => ScriptDialect.JavaScript,
        EmbeddedLanguage.Ruby => ScriptDialect.Ruby,
        EmbeddedLanguage.Perl => ScriptDialect.Perl,
        EmbeddedLanguage.Php => ScriptDialect.Php,
        _ => null,
    };

    private static string ToolName(EmbeddedLanguage language) => Dialect(language) is { } d ? ToolName(d) : language.ToString().ToLowerInvariant();

    private static string ToolName(ScriptDialect dialect) => dialect switch
    {
        ScriptDialect.Python => "python",
        ScriptDialect.JavaScript => "node",
        ScriptDialect.Ruby => "ruby",
        ScriptDialect.Perl => "perl",
        _ => "php",
    };
}
