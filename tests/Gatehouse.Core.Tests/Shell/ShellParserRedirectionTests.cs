using Gatehouse.Core.Shell.Syntax;
using static Gatehouse.Core.Tests.Shell.ShellTestHelpers;

namespace Gatehouse.Core.Tests.Shell;

public sealed class ShellParserRedirectionTests
{
    [Theory]
    [InlineData("cmd < in", null, RedirectionOperator.Input, "in")]
    [InlineData("cmd > out", null, RedirectionOperator.Output, "out")]
    [InlineData("cmd >> out", null, RedirectionOperator.Append, "out")]
    [InlineData("cmd >| out", null, RedirectionOperator.Clobber, "out")]
    [InlineData("cmd <> f", null, RedirectionOperator.ReadWrite, "f")]
    [InlineData("cmd <&3", null, RedirectionOperator.DuplicateInput, "3")]
    [InlineData("cmd 2>&1", 2, RedirectionOperator.DuplicateOutput, "1")]
    [InlineData("cmd >&-", null, RedirectionOperator.DuplicateOutput, "-")]
    [InlineData("cmd &> all", null, RedirectionOperator.OutputAndError, "all")]
    [InlineData("cmd &>> all", null, RedirectionOperator.AppendOutputAndError, "all")]
    [InlineData("cmd 2>/dev/null", 2, RedirectionOperator.Output, "/dev/null")]
    [InlineData("cmd 10>x", 10, RedirectionOperator.Output, "x")]
    [InlineData("cmd <<< 'some text'", null, RedirectionOperator.HereString, "some text")]
    [InlineData("cmd>out", null, RedirectionOperator.Output, "out")]
    public void Redirection_Operators_AreRecognised(string source, int? fd, RedirectionOperator op, string target)
    {
        var command = OnlySimple(source);
        Texts(command).ShouldBe(["cmd"]);
        var redirection = command.Redirections.ShouldHaveSingleItem();
        redirection.FileDescriptor.ShouldBe(fd);
        redirection.Operator.ShouldBe(op);
        redirection.Target!.Text.ShouldBe(target);
    }

    [Fact]
    public void Redirection_AmongWords_DoesNotBecomeAWord()
    {
        var command = OnlySimple(">out echo a 2>err b <in c");
        Texts(command).ShouldBe(["echo", "a", "b", "c"]);
        command.Redirections.Count.ShouldBe(3);
    }

    [Fact]
    public void Redirection_DigitsNotBeforeOperator_AreAWord()
    {
        Texts(OnlySimple("echo 2 > x")).ShouldBe(["echo", "2"]);
    }

    [Fact]
    public void Redirection_OnlyRedirection_IsACommand()
    {
        var command = OnlySimple("> truncated.txt");
        command.Words.ShouldBeEmpty();
        command.Redirections.ShouldHaveSingleItem().Target!.Text.ShouldBe("truncated.txt");
    }

    [Fact]
    public void Redirection_TargetWithSubstitution_IsParsed()
    {
        OnlySimple("echo > $(rm x)").Redirections[0].Target!.Parts[0].ShouldBeOfType<CommandSubstitutionPart>();
    }

    [Fact]
    public void Heredoc_QuotedDelimiter_BodyIsData()
    {
        var command = OnlySimple("cat <<'EOF' > notes.md\ngit reset --hard\nEOF");
        Texts(command).ShouldBe(["cat"]);
        command.Redirections.Count.ShouldBe(2);
        var heredoc = command.Redirections[0].Heredoc!;
        heredoc.Delimiter.ShouldBe("EOF");
        heredoc.QuotedDelimiter.ShouldBeTrue();
        heredoc.Body.ShouldBe("git reset --hard\n");
        heredoc.ExpandedBody.ShouldBeNull();
        command.Redirections[1].Target!.Text.ShouldBe("notes.md");
    }

    [Theory]
    [InlineData("'EOF'")]
    [InlineData("\"EOF\"")]
    [InlineData("\\EOF")]
    [InlineData("E\"O\"F")]
    [InlineData("E'OF'")]
    public void Heredoc_AnyQuotingInDelimiter_MakesItQuoted(string delimiter)
    {
        var heredoc = OnlySimple($"cat <<{delimiter}\n$(rm -rf /)\nEOF\n").Redirections[0].Heredoc!;
        heredoc.Delimiter.ShouldBe("EOF");
        heredoc.QuotedDelimiter.ShouldBeTrue();
        heredoc.Body.ShouldBe("$(rm -rf /)\n");
        heredoc.ExpandedBody.ShouldBeNull();
    }

    [Fact]
    public void Heredoc_Unquoted_BodyIsExpandedWithSubstitutions()
    {
        var script = ParseOk("bash <<EOF\nrm -rf ~\necho $(whoami) \"$HOME\"\nEOF\necho done");
        script.Statements.Count.ShouldBe(2);
        var heredoc = OnlySimple(new Script([script.Statements[0]])).Redirections[0].Heredoc!;
        heredoc.QuotedDelimiter.ShouldBeFalse();
        heredoc.Body.ShouldBe("rm -rf ~\necho $(whoami) \"$HOME\"\n");
        var parts = heredoc.ExpandedBody!.Parts;
        parts[0].ShouldBe(new LiteralPart("rm -rf ~\necho ", QuoteKind.Double));
        parts[1].ShouldBeOfType<CommandSubstitutionPart>();
        parts[2].ShouldBe(new LiteralPart(" \"", QuoteKind.Double));
        parts[3].ShouldBe(new ParameterPart("HOME", null, null, true));
    }

    [Fact]
    public void Heredoc_StripTabs_RemovesLeadingTabsAndMatchesIndentedDelimiter()
    {
        var heredoc = OnlySimple("cat <<-END\n\tline one\n\t\tline two\n\tEND\n").Redirections[0].Heredoc!;
        heredoc.StripTabs.ShouldBeTrue();
        heredoc.Body.ShouldBe("line one\nline two\n");
    }

    [Fact]
    public void Heredoc_Multiple_OnOneLine_BodiesInOrder()
    {
        var script = ParseOk("cat <<A; cat <<B\nbody a\nA\nbody b\nB\nls");
        script.Statements.Count.ShouldBe(3);
        OnlySimple(new Script([script.Statements[0]])).Redirections[0].Heredoc!.Body.ShouldBe("body a\n");
        OnlySimple(new Script([script.Statements[1]])).Redirections[0].Heredoc!.Body.ShouldBe("body b\n");
        Texts(OnlySimple(new Script([script.Statements[2]]))).ShouldBe(["ls"]);
    }

    [Fact]
    public void Heredoc_TwoOnOneCommand_BothRead()
    {
        var command = OnlySimple("cmd <<A 3<<B\na\nA\nb\nB");
        command.Redirections[0].Heredoc!.Body.ShouldBe("a\n");
        command.Redirections[1].Heredoc!.Body.ShouldBe("b\n");
        command.Redirections[1].FileDescriptor.ShouldBe(3);
    }

    [Fact]
    public void Heredoc_FollowedByPipeline_BodyAfterLine()
    {
        var script = ParseOk("cat <<EOF | sh\nrm -rf /\nEOF\n");
        var pipeline = script.Statements[0].Body.First;
        pipeline.Commands.Count.ShouldBe(2);
        ((SimpleCommand)pipeline.Commands[0]).Redirections[0].Heredoc!.Body.ShouldBe("rm -rf /\n");
    }

    [Fact]
    public void Heredoc_InsideCommandSubstitution_IsRead()
    {
        var word = OnlySimple("x=$(cat <<EOF\nhello $(id)\nEOF\n)").Assignments[0].Value!;
        var body = word.Parts[0].ShouldBeOfType<CommandSubstitutionPart>().Body;
        var heredoc = OnlySimple(body).Redirections[0].Heredoc!;
        heredoc.Body.ShouldBe("hello $(id)\n");
        heredoc.ExpandedBody!.Parts[1].ShouldBeOfType<CommandSubstitutionPart>();
    }

    [Fact]
    public void Heredoc_Unterminated_TakesRestAsBody()
    {
        var heredoc = OnlySimple("cat <<EOF\nline1\nline2").Redirections[0].Heredoc!;
        heredoc.Body.ShouldBe("line1\nline2");
    }

    [Fact]
    public void Heredoc_DelimiterAtEndWithoutNewline_Terminates()
    {
        OnlySimple("cat <<EOF\nx\nEOF").Redirections[0].Heredoc!.Body.ShouldBe("x\n");
    }

    [Fact]
    public void Heredoc_NoBodyAtAll_IsEmpty()
    {
        OnlySimple("cat <<EOF").Redirections[0].Heredoc!.Body.ShouldBe(string.Empty);
    }

    [Fact]
    public void Heredoc_DelimiterLookalikes_DoNotTerminate()
    {
        OnlySimple("cat <<EOF\n EOF\nEOF \nEOFX\nEOF\n").Redirections[0].Heredoc!.Body.ShouldBe(" EOF\nEOF \nEOFX\n");
    }

    [Fact]
    public void Heredoc_UnquotedLineContinuation_JoinsBeforeDelimiterCheck()
    {
        var script = ParseOk("cat <<EOF\nfoo\\\nEOF\nEOF\nls");
        script.Statements.Count.ShouldBe(2);
    }

    [Fact]
    public void Heredoc_BodyNotParsedAsCommands()
    {
        var script = ParseOk("cat <<'EOF'\nif then ( ;; )\nEOF\necho ok");
        script.Statements.Count.ShouldBe(2);
        AllSimpleCommands(script).Count.ShouldBe(2);
    }

    [Fact]
    public void Heredoc_OnCompoundCommand_IsRead()
    {
        var command = Only<WhileCommand>("while read x; do rm $x; done <<EOF\na\nb\nEOF");
        command.Redirections[0].Heredoc!.Body.ShouldBe("a\nb\n");
    }

    [Fact]
    public void Heredoc_SingleQuotesInUnquotedBody_AreLiteral()
    {
        var body = OnlySimple("cat <<EOF\n'$(id)'\nEOF").Redirections[0].Heredoc!.ExpandedBody!;
        body.Parts[1].ShouldBeOfType<CommandSubstitutionPart>();
    }
}
