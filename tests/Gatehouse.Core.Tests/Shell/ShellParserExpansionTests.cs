using Gatehouse.Core.Shell.Syntax;
using static Gatehouse.Core.Tests.Shell.ShellTestHelpers;

namespace Gatehouse.Core.Tests.Shell;

public sealed class ShellParserExpansionTests
{
    private static WordPart SinglePart(string word)
    {
        var parsed = OnlySimple("echo " + word).Words[1];
        parsed.Parts.Count.ShouldBe(1);
        return parsed.Parts[0];
    }

    [Theory]
    [InlineData("$HOME", "HOME")]
    [InlineData("$_x1", "_x1")]
    [InlineData("${HOME}", "HOME")]
    [InlineData("$@", "@")]
    [InlineData("$*", "*")]
    [InlineData("$#", "#")]
    [InlineData("$?", "?")]
    [InlineData("$$", "$")]
    [InlineData("$!", "!")]
    [InlineData("$-", "-")]
    [InlineData("$0", "0")]
    [InlineData("$9", "9")]
    [InlineData("${10}", "10")]
    [InlineData("${#}", "#")]
    [InlineData("${arr[@]}", "arr[@]")]
    [InlineData("${arr[i+1]}", "arr[i+1]")]
    public void Parameter_SimpleForms_HaveNameAndNoOperator(string word, string name)
    {
        SinglePart(word).ShouldBe(new ParameterPart(name, null, null, false));
    }

    [Fact]
    public void Parameter_PositionalDigit_TakesOneDigitOnly()
    {
        var word = OnlySimple("echo $10").Words[1];
        word.Parts.ShouldBe([new ParameterPart("1", null, null, false), new LiteralPart("0", QuoteKind.None)]);
    }

    [Theory]
    [InlineData("${X:-def}", ":-")]
    [InlineData("${X-def}", "-")]
    [InlineData("${X:=def}", ":=")]
    [InlineData("${X=def}", "=")]
    [InlineData("${X:?def}", ":?")]
    [InlineData("${X?def}", "?")]
    [InlineData("${X:+def}", ":+")]
    [InlineData("${X+def}", "+")]
    [InlineData("${X#def}", "#")]
    [InlineData("${X##def}", "##")]
    [InlineData("${X%def}", "%")]
    [InlineData("${X%%def}", "%%")]
    [InlineData("${X/def}", "/")]
    [InlineData("${X//def}", "//")]
    [InlineData("${X^^def}", "^^")]
    [InlineData("${X,,def}", ",,")]
    [InlineData("${X:def}", ":")]
    public void Parameter_Operators_AreReportedWithArgument(string word, string op)
    {
        var part = SinglePart(word).ShouldBeOfType<ParameterPart>();
        part.Name.ShouldBe("X");
        part.Operator.ShouldBe(op);
        part.Argument!.StaticValue.ShouldBe("def");
    }

    [Fact]
    public void Parameter_Length_HasLengthOperator()
    {
        SinglePart("${#PATH}").ShouldBe(new ParameterPart("PATH", "length", null, false));
    }

    [Fact]
    public void Parameter_Indirection_HasIndirectOperator()
    {
        SinglePart("${!ref}").ShouldBe(new ParameterPart("ref", "indirect", null, false));
    }

    [Fact]
    public void Parameter_DefaultWithCommandSubstitution_ParsesTheSubstitution()
    {
        var command = OnlySimple("echo ${X:-$(whoami)}");
        var part = command.Words[1].Parts[0].ShouldBeOfType<ParameterPart>();
        part.Operator.ShouldBe(":-");
        var substitution = part.Argument!.Parts[0].ShouldBeOfType<CommandSubstitutionPart>();
        Texts(OnlySimple(substitution.Body)).ShouldBe(["whoami"]);
    }

    [Fact]
    public void Parameter_ArgumentWithBlanksAndNestedBraces_StaysInOneWord()
    {
        var command = OnlySimple("echo ${X:-a b {c}} next");
        command.Words.Count.ShouldBe(3);
        command.Words[1].Parts[0].ShouldBeOfType<ParameterPart>().Argument!.StaticValue.ShouldBe("a b {c}");
    }

    [Fact]
    public void Parameter_InsideDoubleQuotes_IsMarkedQuoted()
    {
        var word = OnlySimple("echo \"dir: ${HOME}/x\"").Words[1];
        word.Parts.ShouldBe([
            new LiteralPart("dir: ", QuoteKind.Double),
            new ParameterPart("HOME", null, null, true),
            new LiteralPart("/x", QuoteKind.Double),
        ]);
    }

    [Fact]
    public void Dollar_WithoutName_IsLiteral()
    {
        OnlySimple("echo a$ $% \"$\"").Words.Count.ShouldBe(4);
        OnlySimple("echo a$").Words[1].StaticValue.ShouldBe("a$");
    }

    [Fact]
    public void CommandSubstitution_InDoubleQuotes_BodyIsParsed()
    {
        var word = OnlySimple("echo \"$(rm -rf /)\"").Words[1];
        var substitution = word.Parts[0].ShouldBeOfType<CommandSubstitutionPart>();
        substitution.Quoted.ShouldBeTrue();
        substitution.Backtick.ShouldBeFalse();
        Texts(OnlySimple(substitution.Body)).ShouldBe(["rm", "-rf", "/"]);
    }

    [Fact]
    public void CommandSubstitution_WithCaseInside_HandlesPatternParenthesis()
    {
        var word = OnlySimple("echo $(case x in a) rm a;; esac)").Words[1];
        var body = word.Parts[0].ShouldBeOfType<CommandSubstitutionPart>().Body;
        OnlyCommand(body).ShouldBeOfType<CaseCommand>();
    }

    [Fact]
    public void CommandSubstitution_Nested_ParsesEveryLevel()
    {
        var commands = AllSimpleCommands(ParseOk("echo $(echo $(echo $(rm -rf /)))"));
        commands.Count.ShouldBe(4);
        commands[3].Words[0].StaticValue.ShouldBe("rm");
    }

    [Fact]
    public void Backtick_Body_IsParsed()
    {
        var word = OnlySimple("echo `rm -rf /`").Words[1];
        var substitution = word.Parts[0].ShouldBeOfType<CommandSubstitutionPart>();
        substitution.Backtick.ShouldBeTrue();
        Texts(OnlySimple(substitution.Body)).ShouldBe(["rm", "-rf", "/"]);
    }

    [Fact]
    public void Backtick_EscapedInnerBackticks_NestAfterEscapeRemoval()
    {
        var commands = AllSimpleCommands(ParseOk("echo `echo \\`rm -rf /\\``"));
        commands.Count.ShouldBe(3);
        commands[2].Words[0].StaticValue.ShouldBe("rm");
    }

    [Fact]
    public void Backtick_EscapedDollar_IsLiteralInBody()
    {
        var body = OnlySimple("echo `echo \\$HOME`").Words[1].Parts[0].ShouldBeOfType<CommandSubstitutionPart>().Body;
        OnlySimple(body).Words[1].Parts[0].ShouldBeOfType<ParameterPart>().Name.ShouldBe("HOME");
    }

    [Fact]
    public void Arithmetic_KeepsExpressionText()
    {
        SinglePart("$((1 + (2 * 3)))").ShouldBe(new ArithmeticPart("1 + (2 * 3)", [], false), new ArithmeticComparer());
    }

    [Fact]
    public void Arithmetic_WithCommandSubstitution_CollectsTheScript()
    {
        var part = SinglePart("$(( $(rm -rf /) + 1 ))").ShouldBeOfType<ArithmeticPart>();
        part.Substitutions.Count.ShouldBe(1);
        Texts(OnlySimple(part.Substitutions[0])).ShouldBe(["rm", "-rf", "/"]);
    }

    [Fact]
    public void DollarDoubleParen_ThatIsASubshell_BecomesCommandSubstitution()
    {
        var part = SinglePart("$((rm -rf /) )").ShouldBeOfType<CommandSubstitutionPart>();
        var subshell = OnlyCommand(part.Body).ShouldBeOfType<SubshellCommand>();
        Texts(OnlySimple(subshell.Body)).ShouldBe(["rm", "-rf", "/"]);
    }

    [Fact]
    public void LegacyArithmetic_WithSubstitution_IsArithmetic()
    {
        var part = SinglePart("$[ $(id) + 1 ]").ShouldBeOfType<ArithmeticPart>();
        part.Substitutions.Count.ShouldBe(1);
    }

    [Fact]
    public void ProcessSubstitution_Input_BodiesAreParsed()
    {
        var command = OnlySimple("diff <(ls a) <(ls b)");
        command.Words.Count.ShouldBe(3);
        var left = command.Words[1].Parts[0].ShouldBeOfType<ProcessSubstitutionPart>();
        left.IsInput.ShouldBeTrue();
        Texts(OnlySimple(left.Body)).ShouldBe(["ls", "a"]);
        command.Redirections.ShouldBeEmpty();
    }

    [Fact]
    public void ProcessSubstitution_Output_IsNotInput()
    {
        var command = OnlySimple("tee >(rm -rf /)");
        command.Words[1].Parts[0].ShouldBeOfType<ProcessSubstitutionPart>().IsInput.ShouldBeFalse();
    }

    [Fact]
    public void ProcessSubstitution_InsideWord_IsRecognised()
    {
        var word = OnlySimple("cmd --file=<(rm x)").Words[1];
        word.Parts[1].ShouldBeOfType<ProcessSubstitutionPart>();
    }

    [Theory]
    [InlineData("rm -rf ~", null)]
    [InlineData("rm -rf ~/", null)]
    [InlineData("rm -rf ~bob/x", "bob")]
    public void Tilde_AtWordStart_IsTildePart(string source, string? user)
    {
        OnlySimple(source).Words[2].Parts[0].ShouldBe(new TildePart(user));
    }

    [Theory]
    [InlineData("echo '~'")]
    [InlineData("echo \\~")]
    [InlineData("echo a~")]
    [InlineData("echo ~\"x\"")]
    public void Tilde_QuotedOrInside_IsLiteral(string source)
    {
        OnlySimple(source).Words[1].IsStatic.ShouldBeTrue();
    }

    [Fact]
    public void Tilde_InAssignmentValue_AfterEqualsAndColon_IsTilde()
    {
        var value = OnlySimple("PATH=~/bin:~/x cmd").Assignments[0].Value!;
        value.Parts.ShouldBe([new TildePart(null), new LiteralPart("/bin:", QuoteKind.None), new TildePart(null), new LiteralPart("/x", QuoteKind.None)]);
    }

    private sealed class ArithmeticComparer : IEqualityComparer<WordPart>
    {
        public bool Equals(WordPart? x, WordPart? y) =>
            x is ArithmeticPart a && y is ArithmeticPart b && a.Expression == b.Expression && a.Quoted == b.Quoted && a.Substitutions.Count == b.Substitutions.Count;

        public int GetHashCode(WordPart obj) => 0;
    }
}
