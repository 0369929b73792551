using Gatehouse.Core.Interpreters.Lexing;

namespace Gatehouse.Core.Tests.Interpreters;

public sealed class ScriptLexerTests
{
    private static List<ScriptToken> Strings(string code, ScriptDialect dialect)
    {
        var result = ScriptLexer.Lex(code, dialect);
        result.Error.ShouldBeNull();
        return result.Tokens.Where(t => t.Kind is TokenKind.String or TokenKind.Command).ToList();
    }

    [Theory]
    [InlineData("'a\\nb'", "a\nb")]
    [InlineData("r'a\\nb'", "a\\nb")]
    [InlineData("b\"x\"", "x")]
    [InlineData("'''multi\nline'''", "multi\nline")]
    [InlineData("\"\\x41\\u0042\"", "AB")]
    [InlineData("f'{{literal}}'", "{literal}")]
    [InlineData("'it\\'s'", "it's")]
    public void Lex_PythonString_IsDecoded(string code, string value)
    {
        Strings(code, ScriptDialect.Python).ShouldHaveSingleItem().Text.ShouldBe(value);
    }

    [Fact]
    public void Lex_PythonFString_MarksInterpolationDynamic()
    {
        var token = Strings("f'rm {x[\"k\"]} now'", ScriptDialect.Python)[0];
        token.IsDynamic.ShouldBeTrue();
        token.Text.ShouldBe("rm " + DynamicText.Marker + " now");
    }

    [Fact]
    public void Lex_InterpolatedCode_IsKeptAfterTheMainCode()
    {
        var texts = ScriptLexer.Lex("f'{run(1)}' + x", ScriptDialect.Python).Tokens.Select(t => t.Text).ToList();
        texts.ShouldBe([DynamicText.MarkerString, "+", "x", "\n", "run", "(", "1", ")"]);
    }

    [Theory]
    [InlineData("JavaScript", "`a ${b} c`", true)]
    [InlineData("Ruby", "\"a #{b} c\"", true)]
    [InlineData("Ruby", "'a #{b} c'", false)]
    [InlineData("Perl", "\"a $b c\"", true)]
    [InlineData("Perl", "'a $b c'", false)]
    [InlineData("Php", "\"a {$b} c\"", true)]
    [InlineData("Php", "'a $b c'", false)]
    public void Lex_Interpolation_IsDynamicOnlyWhereTheLanguageInterpolates(string dialectName, string code, bool dynamic)
    {
        var dialect = Enum.Parse<ScriptDialect>(dialectName);
        Strings(code, dialect).ShouldHaveSingleItem().IsDynamic.ShouldBe(dynamic);
    }

    [Theory]
    [InlineData("Ruby", "%q(a (b) c)", "a (b) c")]
    [InlineData("Perl", "q{a {b} c}", "a {b} c")]
    [InlineData("Perl", "qq<x>", "x")]
    [InlineData("Perl", "\"$ENV{HOME}/x\"", "~/x")]
    public void Lex_QuoteLikeOperators_NestDelimiters(string dialectName, string code, string value)
    {
        var dialect = Enum.Parse<ScriptDialect>(dialectName);
        Strings(code, dialect).ShouldHaveSingleItem().Text.ShouldBe(value);
    }

    [Theory]
    [InlineData("Ruby", "`ls`")]
    [InlineData("Ruby", "%x(ls)")]
    [InlineData("Perl", "qx(ls)")]
    [InlineData("Perl", "`ls`")]
    [InlineData("Php", "`ls`")]
    public void Lex_BacktickForms_AreCommands(string dialectName, string code)
    {
        var dialect = Enum.Parse<ScriptDialect>(dialectName);
        var token = Strings(code, dialect).ShouldHaveSingleItem();
        token.Kind.ShouldBe(TokenKind.Command);
        token.Text.ShouldBe("ls");
    }

    [Fact]
    public void Lex_RubyWordList_BecomesListLiteral()
    {
        var tokens = ScriptLexer.Lex("%w[a b]", ScriptDialect.Ruby).Tokens.Select(t => t.Text);
        tokens.ShouldBe(["[", "a", ",", "b", "]"]);
    }

    [Fact]
    public void Lex_Heredoc_BodyIsOneString()
    {
        var token = Strings("x = <<~SQL\n  DROP TABLE t\nSQL\n", ScriptDialect.Ruby).ShouldHaveSingleItem();
        token.Text.ShouldBe("  DROP TABLE t\n");
    }

    [Theory]
    [InlineData("JavaScript", "a = /it's/; b")]
    [InlineData("Ruby", "x =~ /it's/")]
    [InlineData("Perl", "$x =~ m/it's/")]
    [InlineData("Perl", "$x =~ s/it's/no/g")]
    public void Lex_RegexLiterals_HideQuotes(string dialectName, string code)
    {
        var dialect = Enum.Parse<ScriptDialect>(dialectName);
        ScriptLexer.Lex(code, dialect).Error.ShouldBeNull();
    }

    [Theory]
    [InlineData("Python", "a / b / c")]
    [InlineData("JavaScript", "a / b / c")]
    [InlineData("Ruby", "a / b / c")]
    public void Lex_Division_IsNotRegex(string dialectName, string code)
    {
        var dialect = Enum.Parse<ScriptDialect>(dialectName);
        ScriptLexer.Lex(code, dialect).Tokens.Count(t => t.IsPunct("/")).ShouldBe(2);
    }
}
