using Gatehouse.Core.Shell.Syntax;
using static Gatehouse.Core.Tests.Shell.ShellTestHelpers;

namespace Gatehouse.Core.Tests.Shell;

public sealed class ShellParserQuotingTests
{
    [Theory]
    [InlineData("r''m -rf /", "rm")]
    [InlineData("r\"\"m -rf /", "rm")]
    [InlineData("'r'm x", "rm")]
    [InlineData("\"r\"'m' x", "rm")]
    [InlineData("\\rm -rf /", "rm")]
    [InlineData("r\\m x", "rm")]
    [InlineData("$'\\x72\\x6d' -rf /", "rm")]
    [InlineData("$'\\162\\155' -rf /", "rm")]
    [InlineData("$'\\u0072m' x", "rm")]
    [InlineData("$'\\U00000072m' x", "rm")]
    [InlineData("$\"rm\" x", "rm")]
    [InlineData("r$'m' x", "rm")]
    [InlineData("r\\\nm x", "rm")]
    public void FirstWord_ObfuscatedQuoting_ResolvesToStaticName(string source, string expected)
    {
        var command = OnlySimple(source);
        command.Words[0].StaticValue.ShouldBe(expected);
    }

    [Fact]
    public void Word_AdjacentUnquotedCharacters_MergeIntoOneLiteral()
    {
        var word = OnlySimple("rm-rf/some/path").Words[0];
        word.Parts.Count.ShouldBe(1);
        word.Parts[0].ShouldBe(new LiteralPart("rm-rf/some/path", QuoteKind.None));
    }

    [Fact]
    public void Word_EscapedFirstCharacter_HasEscapedPartThenLiteral()
    {
        var word = OnlySimple("\\rm").Words[0];
        word.Parts.ShouldBe([new LiteralPart("r", QuoteKind.Escaped), new LiteralPart("m", QuoteKind.None)]);
    }

    [Fact]
    public void SingleQuotes_ContentIsLiteralWithoutExpansion()
    {
        var word = OnlySimple("echo '$(rm -rf /) $HOME \\n'").Words[1];
        word.Parts.ShouldBe([new LiteralPart("$(rm -rf /) $HOME \\n", QuoteKind.Single)]);
        word.IsStatic.ShouldBeTrue();
    }

    [Theory]
    [InlineData("echo \"a\\$b\"", "a$b")]
    [InlineData("echo \"a\\`b\"", "a`b")]
    [InlineData("echo \"a\\\"b\"", "a\"b")]
    [InlineData("echo \"a\\\\b\"", "a\\b")]
    [InlineData("echo \"a\\nb\"", "a\\nb")]
    [InlineData("echo \"a\\\nb\"", "ab")]
    [InlineData("echo \"it's\"", "it's")]
    public void DoubleQuotes_BackslashEscapesOnlySpecialCharacters(string source, string expected)
    {
        var word = OnlySimple(source).Words[1];
        word.StaticValue.ShouldBe(expected);
        word.Parts.ShouldAllBe(part => part is LiteralPart && ((LiteralPart)part).Quote == QuoteKind.Double);
    }

    [Fact]
    public void DoubleQuotes_WithBlanks_StayOneWord()
    {
        Texts(OnlySimple("rm \"my file.txt\" other")).ShouldBe(["rm", "my file.txt", "other"]);
    }

    [Theory]
    [InlineData("echo ''")]
    [InlineData("echo \"\"")]
    public void EmptyQuotes_ProduceEmptyArgument(string source)
    {
        var command = OnlySimple(source);
        command.Words.Count.ShouldBe(2);
        command.Words[1].StaticValue.ShouldBe(string.Empty);
    }

    [Theory]
    [InlineData("$'a\\nb'", "a\nb")]
    [InlineData("$'a\\tb'", "a\tb")]
    [InlineData("$'\\\\'", "\\")]
    [InlineData("$'it\\'s'", "it's")]
    [InlineData("$'\\\"'", "\"")]
    [InlineData("$'\\e[0m'", "\u001b[0m")]
    [InlineData("$'\\a\\b\\f\\v\\r'", "\a\b\f\v\r")]
    [InlineData("$'\\cA'", "\u0001")]
    [InlineData("$'\\x41\\x4a'", "AJ")]
    [InlineData("$'\\101'", "A")]
    [InlineData("$'\\u00e9'", "\u00e9")]
    [InlineData("$'\\U0001F600'", "\U0001F600")]
    [InlineData("$'\\q'", "\\q")]
    [InlineData("$'\\xZ'", "\\xZ")]
    [InlineData("$'rm\\0 -rf'", "rm")]
    [InlineData("$'ab\\x00cd'", "ab")]
    public void AnsiCQuotes_DecodeEveryEscape(string word, string expected)
    {
        var parsed = OnlySimple("echo " + word).Words[1];
        parsed.StaticValue.ShouldBe(expected);
        parsed.Parts.ShouldAllBe(part => ((LiteralPart)part).Quote == QuoteKind.AnsiC);
    }

    [Fact]
    public void AnsiCQuotes_AfterNul_RestOfWordStillCounts()
    {
        OnlySimple("$'r\\0zzz'm x").Words[0].StaticValue.ShouldBe("rm");
    }

    [Fact]
    public void LocaleQuotes_ExpandLikeDoubleQuotes()
    {
        var word = OnlySimple("echo $\"hi $USER\"").Words[1];
        word.Parts.ShouldBe([new LiteralPart("hi ", QuoteKind.Double), new ParameterPart("USER", null, null, true)]);
    }

    [Fact]
    public void LineContinuation_BetweenWords_Disappears()
    {
        Texts(OnlySimple("rm \\\n -rf /")).ShouldBe(["rm", "-rf", "/"]);
    }

    [Fact]
    public void LineContinuation_InsideWord_JoinsIt()
    {
        Texts(OnlySimple("rm -r\\\nf /")).ShouldBe(["rm", "-rf", "/"]);
    }

    [Fact]
    public void Comment_AtWordStart_IsNotAWord()
    {
        Texts(OnlySimple("ls # rm -rf /")).ShouldBe(["ls"]);
    }

    [Fact]
    public void Comment_AfterOperator_IsIgnored()
    {
        var script = ParseOk("ls;# rm -rf /\necho hi");
        script.Statements.Count.ShouldBe(2);
        Texts(OnlySimple(new Script([script.Statements[1]]))).ShouldBe(["echo", "hi"]);
    }

    [Theory]
    [InlineData("echo a#b", "a#b")]
    [InlineData("echo $#", "$#")]
    [InlineData("echo '#x'", "#x")]
    [InlineData("echo x\\#y", "x#y")]
    public void Hash_InsideWord_IsLiteral(string source, string expected)
    {
        var command = OnlySimple(source);
        command.Words.Count.ShouldBe(2);
        command.Words[1].Text.ShouldBe(expected);
    }

    [Fact]
    public void Word_GlobCharacters_AreUnquotedGlob()
    {
        var command = OnlySimple("rm *.log '*.txt'");
        command.Words[1].HasUnquotedGlob.ShouldBeTrue();
        command.Words[2].HasUnquotedGlob.ShouldBeFalse();
    }

    [Fact]
    public void Word_OffsetsPointIntoSource()
    {
        const string source = "  rm   -rf 'a b'";
        var command = OnlySimple(source);
        command.Start.ShouldBe(2);
        command.End.ShouldBe(source.Length);
        var word = command.Words[2];
        source[word.Start..word.End].ShouldBe("'a b'");
    }

    [Fact]
    public void Word_ExtglobGroup_IsOneWord()
    {
        Texts(OnlySimple("rm !(keep|this).txt")).ShouldBe(["rm", "!(keep|this).txt"]);
    }

    [Fact]
    public void Word_BraceExpansion_StaysLiteralText()
    {
        Texts(OnlySimple("rm -rf /{etc,usr}")).ShouldBe(["rm", "-rf", "/{etc,usr}"]);
    }

    [Fact]
    public void Word_TrailingBackslashAtEnd_IsLiteral()
    {
        Texts(OnlySimple("echo a\\")).ShouldBe(["echo", "a\\"]);
    }
}
