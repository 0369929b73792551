using System.Diagnostics;
using System.Text;
using Gatehouse.Core.Shell;
using Gatehouse.Core.Shell.Syntax;
using static Gatehouse.Core.Tests.Shell.ShellTestHelpers;

namespace Gatehouse.Core.Tests.Shell;

public sealed class ShellParserErrorTests
{
    [Theory]
    [InlineData("echo 'abc", 5)]
    [InlineData("echo \"abc", 5)]
    [InlineData("echo $'abc", 5)]
    [InlineData("echo $(ls", 5)]
    [InlineData("echo `ls", 5)]
    [InlineData("echo ${X", 5)]
    [InlineData("echo ${X:-abc", 5)]
    [InlineData("echo $((1 + 2", 5)]
    [InlineData("diff <(ls", 5)]
    [InlineData("(ls", 0)]
    public void Unterminated_ReportsOpeningOffset(string source, int offset)
    {
        ParseError(source).Offset.ShouldBe(offset);
    }

    [Theory]
    [InlineData(";; ls")]
    [InlineData("ls ;;")]
    [InlineData("ls )")]
    [InlineData(")")]
    [InlineData("; ls")]
    [InlineData("| ls")]
    [InlineData("ls |")]
    [InlineData("ls &&")]
    [InlineData("&& ls")]
    [InlineData("ls & ;")]
    [InlineData("echo (x)")]
    [InlineData("fi")]
    [InlineData("then ls")]
    [InlineData("done")]
    [InlineData("}")]
    [InlineData("ls >")]
    [InlineData("ls > ;")]
    [InlineData("{ ls; } extra")]
    [InlineData("()")]
    [InlineData("{ }")]
    public void UnexpectedToken_IsAnError(string source)
    {
        ParseError(source).Message.ShouldNotBeNullOrEmpty();
    }

    [Theory]
    [InlineData("if true; then ls")]
    [InlineData("if true; ls; fi")]
    [InlineData("if true; then fi")]
    [InlineData("while true; do ls")]
    [InlineData("while true; ls; done")]
    [InlineData("for x in a b; do ls")]
    [InlineData("case x in a) ls;;")]
    [InlineData("case x a) ls;; esac")]
    [InlineData("{ ls;")]
    [InlineData("[[ -f x")]
    [InlineData("f() echo hi")]
    public void MissingClosingKeyword_IsAnError(string source)
    {
        ParseError(source).Message.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public void Error_OffsetOfUnexpectedToken_PointsAtIt()
    {
        var error = ParseError("ls; )");
        error.Offset.ShouldBe(4);
        error.Message.ShouldContain(")");
    }

    [Fact]
    public void Error_InsideBacktick_OffsetIsInOriginalSource()
    {
        ParseError("echo `echo 'x`").Offset.ShouldBe(11);
    }

    [Theory]
    [InlineData("echo ${a[$(rm -rf /)]}")]
    [InlineData("a[$(rm -rf /)]=1")]
    [InlineData("for ((i=$(rm -rf /); i<1; i++)); do :; done")]
    public void SubstitutionWhereTreeCannotCarryIt_FailsClosed(string source)
    {
        ParseError(source).Message.ShouldContain("not supported");
    }

    [Theory]
    [InlineData("$(", ")")]
    [InlineData("( ", " )")]
    [InlineData("{ ", "; }")]
    [InlineData("\"$(", ")\"")]
    [InlineData("`", "`")]
    [InlineData("${X:-", "}")]
    [InlineData("if true; then ", "; fi")]
    public void Nesting_ThousandLevels_IsErrorNotCrash(string open, string close)
    {
        var source = Repeat(open, 1000) + "ls" + Repeat(close, 1000);
        if (open == "`")
        {
            source = "echo " + source;
        }

        var result = ShellParser.Parse(source);
        if (open == "`")
        {
            // Backquotes do not nest without escaping: this is flat and must simply not crash.
            return;
        }

        result.Error!.Message.ShouldBe("nesting too deep");
    }

    [Fact]
    public void Nesting_TenThousandParentheses_IsErrorNotCrash()
    {
        ShellParser.Parse(Repeat("( ", 10_000)).Error!.Message.ShouldBe("nesting too deep");
        ShellParser.Parse(new string('(', 10_000)).Error.ShouldNotBeNull();
        ShellParser.Parse(Repeat("$(", 10_000)).Error!.Message.ShouldBe("nesting too deep");
    }

    [Fact]
    public void DoubleParentheses_Balanced_AreOneArithmeticCommand()
    {
        Only<ArithmeticCommand>(new string('(', 1000) + "1" + new string(')', 1000));
    }

    [Fact]
    public void Nesting_AtLimit_Parses()
    {
        var source = Repeat("$(", 150) + "rm x" + Repeat(")", 150);
        ParseOk("echo " + source);
    }

    [Fact]
    public void Pipeline_TenThousandStages_Parses()
    {
        var builder = new StringBuilder();
        for (var i = 0; i < 10_000; i++)
        {
            builder.Append(i == 0 ? "ls" : " | cat");
        }

        ParseOk(builder.ToString()).Statements[0].Body.First.Commands.Count.ShouldBe(10_000);
    }

    [Fact]
    public void List_TenThousandStatements_Parses()
    {
        var builder = new StringBuilder();
        for (var i = 0; i < 10_000; i++)
        {
            builder.Append("echo ").Append(i).Append(i % 2 == 0 ? ";" : "\n");
        }

        ParseOk(builder.ToString()).Statements.Count.ShouldBe(10_000);
    }

    [Fact]
    public void AndOr_TenThousandOperators_Parses()
    {
        ParseOk("a" + Repeat(" && a", 10_000)).Statements[0].Body.Rest.Count.ShouldBe(10_000);
    }

    [Fact]
    public void Input_OneMegabyte_ParsesQuickly()
    {
        var builder = new StringBuilder("echo");
        while (builder.Length < 1_000_000)
        {
            builder.Append(" word\"q\"$V'x'");
        }

        var source = builder.ToString();
        ParseOk("echo warmup");
        var watch = Stopwatch.StartNew();
        var script = ParseOk(source);
        watch.Stop();
        OnlySimple(script).Words.Count.ShouldBeGreaterThan(50_000);
        watch.ElapsedMilliseconds.ShouldBeLessThan(2_000);
    }

    [Fact]
    public void Input_OneMegabyteSingleWordAndComment_Parses()
    {
        ParseOk("echo " + new string('a', 1_000_000) + " # " + new string('b', 1000));
        ParseOk("echo '" + new string('a', 1_000_000) + "'");
    }

    [Theory]
    [InlineData("echo a\0b")]
    [InlineData("echo \ud800 \udc00x")]
    [InlineData("$'\\uD800'")]
    [InlineData("\0")]
    [InlineData("")]
    [InlineData("   \n\n  # only a comment")]
    [InlineData("\\")]
    [InlineData("$")]
    [InlineData("${")]
    [InlineData("$((")]
    [InlineData("<<")]
    [InlineData("<<<")]
    [InlineData("&>")]
    [InlineData("2>")]
    [InlineData("case")]
    [InlineData("for")]
    [InlineData("function")]
    [InlineData("[[")]
    [InlineData("((")]
    [InlineData("time")]
    [InlineData("!")]
    [InlineData("${#")]
    [InlineData("${!")]
    [InlineData("$[")]
    [InlineData("@(")]
    [InlineData("x=(")]
    public void HostileOrOddInput_NeverThrows(string source)
    {
        var result = ShellParser.Parse(source);
        (result.Script is null).ShouldNotBe(result.Error is null);
    }

    [Fact]
    public void EmptyInput_IsEmptyScript()
    {
        ParseOk(string.Empty).Statements.ShouldBeEmpty();
        ParseOk("# just a comment\n").Statements.ShouldBeEmpty();
    }

    [Fact]
    public void RandomInput_NeverThrows()
    {
        const string alphabet = "ab $(){}[]'\"`\\;&|<>#~=\n\t!*?-:0123456789efidonecasw@%/^,+";
        var random = new Random(12345);
        var buffer = new char[40];
        for (var round = 0; round < 20_000; round++)
        {
            var length = random.Next(1, buffer.Length);
            for (var i = 0; i < length; i++)
            {
                buffer[i] = alphabet[random.Next(alphabet.Length)];
            }

            var source = new string(buffer, 0, length);
            var result = ShellParser.Parse(source);
            (result.Script is null).ShouldNotBe(result.Error is null, source);
        }
    }

    private static string Repeat(string text, int count)
    {
        var builder = new StringBuilder(text.Length * count);
        for (var i = 0; i < count; i++)
        {
            builder.Append(text);
        }

        return builder.ToString();
    }
}
