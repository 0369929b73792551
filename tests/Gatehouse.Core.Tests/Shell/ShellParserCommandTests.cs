using Gatehouse.Core.Shell.Syntax;
using static Gatehouse.Core.Tests.Shell.ShellTestHelpers;

namespace Gatehouse.Core.Tests.Shell;

public sealed class ShellParserCommandTests
{
    [Fact]
    public void Assignment_Prefix_IsSeparatedFromWords()
    {
        var command = OnlySimple("FOO=1 rm x");
        command.Assignments.Count.ShouldBe(1);
        command.Assignments[0].Name.ShouldBe("FOO");
        command.Assignments[0].Value!.StaticValue.ShouldBe("1");
        command.Assignments[0].Append.ShouldBeFalse();
        Texts(command).ShouldBe(["rm", "x"]);
    }

    [Fact]
    public void Assignment_Several_AllRecognised()
    {
        var command = OnlySimple("FOO=1 BAR=\"a b\" BAZ= env");
        command.Assignments.Count.ShouldBe(3);
        command.Assignments[1].Value!.StaticValue.ShouldBe("a b");
        command.Assignments[2].Value!.StaticValue.ShouldBe(string.Empty);
        Texts(command).ShouldBe(["env"]);
    }

    [Fact]
    public void Assignment_Append_IsFlagged()
    {
        var assignment = OnlySimple("PATH+=:/x").Assignments[0];
        assignment.Name.ShouldBe("PATH");
        assignment.Append.ShouldBeTrue();
        assignment.Value!.StaticValue.ShouldBe(":/x");
    }

    [Fact]
    public void Assignment_Array_HasValues()
    {
        var assignment = OnlySimple("arr=(a 'b c' $(rm x))").Assignments[0];
        assignment.Value.ShouldBeNull();
        assignment.ArrayValues!.Count.ShouldBe(3);
        assignment.ArrayValues[1].StaticValue.ShouldBe("b c");
        assignment.ArrayValues[2].Parts[0].ShouldBeOfType<CommandSubstitutionPart>();
    }

    [Fact]
    public void Assignment_OnlyAssignments_HasNoWords()
    {
        var command = OnlySimple("X=$(rm -rf /)");
        command.Words.ShouldBeEmpty();
        command.Assignments[0].Value!.Parts[0].ShouldBeOfType<CommandSubstitutionPart>();
    }

    [Fact]
    public void Assignment_AfterFirstWord_IsAnOrdinaryWord()
    {
        var command = OnlySimple("env FOO=1 rm");
        command.Assignments.ShouldBeEmpty();
        Texts(command).ShouldBe(["env", "FOO=1", "rm"]);
    }

    [Fact]
    public void Assignment_WithSubscript_KeepsItInName()
    {
        OnlySimple("a[1]=x").Assignments[0].Name.ShouldBe("a[1]");
    }

    [Theory]
    [InlineData("'FOO'=1 x")]
    [InlineData("1X=1 x")]
    [InlineData("F-O=1 x")]
    public void Assignment_InvalidName_IsAWord(string source)
    {
        var command = OnlySimple(source);
        command.Assignments.ShouldBeEmpty();
        command.Words.Count.ShouldBe(2);
    }

    [Fact]
    public void Operators_AndOrListsAndBackground_AreStructured()
    {
        var script = ParseOk("a && b || c; d & e");
        script.Statements.Count.ShouldBe(3);
        var first = script.Statements[0];
        first.Background.ShouldBeFalse();
        first.Body.Rest.Count.ShouldBe(2);
        first.Body.Rest[0].Operator.ShouldBe(AndOrOperator.And);
        first.Body.Rest[1].Operator.ShouldBe(AndOrOperator.Or);
        script.Statements[1].Background.ShouldBeTrue();
        script.Statements[2].Background.ShouldBeFalse();
    }

    [Fact]
    public void Operators_WithoutSpaces_StillSplit()
    {
        var script = ParseOk("a&&b||c;d&e|f");
        script.Statements.Count.ShouldBe(3);
        script.Statements[2].Body.First.Commands.Count.ShouldBe(2);
    }

    [Fact]
    public void Newlines_SeparateStatements()
    {
        ParseOk("a\nb\n\n c \n").Statements.Count.ShouldBe(3);
    }

    [Fact]
    public void AndOr_NewlineAfterOperator_IsAllowed()
    {
        ParseOk("a &&\n b ||\n\n c").Statements[0].Body.Rest.Count.ShouldBe(2);
    }

    [Fact]
    public void Pipeline_StagesAndStderrPipe_AreCommands()
    {
        var pipeline = ParseOk("cat x | grep y |& tee z").Statements[0].Body.First;
        pipeline.Commands.Count.ShouldBe(3);
        pipeline.Negated.ShouldBeFalse();
    }

    [Fact]
    public void Pipeline_NegationAndTime_AreFlags()
    {
        var pipeline = ParseOk("time -p ! rm x | cat").Statements[0].Body.First;
        pipeline.Negated.ShouldBeTrue();
        pipeline.Timed.ShouldBeTrue();
        Texts((SimpleCommand)pipeline.Commands[0]).ShouldBe(["rm", "x"]);
    }

    [Fact]
    public void ReservedWord_OutsideCommandPosition_IsAnArgument()
    {
        Texts(OnlySimple("echo if then fi done { } !")).ShouldBe(["echo", "if", "then", "fi", "done", "{", "}", "!"]);
    }

    [Fact]
    public void ReservedWord_Quoted_IsACommandName()
    {
        Texts(OnlySimple("'if' x")).ShouldBe(["if", "x"]);
    }

    [Fact]
    public void Subshell_ContainsScript()
    {
        var subshell = Only<SubshellCommand>("(cd /tmp && rm -rf x)");
        subshell.Body.Statements[0].Body.Rest.Count.ShouldBe(1);
    }

    [Fact]
    public void Group_ContainsScript()
    {
        var group = Only<GroupCommand>("{ rm a; rm b; }");
        group.Body.Statements.Count.ShouldBe(2);
    }

    [Fact]
    public void Group_NestedWithoutSemicolonBeforeOuterBrace_Parses()
    {
        var group = Only<GroupCommand>("{ { ls; } }");
        OnlyCommand(group.Body).ShouldBeOfType<GroupCommand>();
    }

    [Fact]
    public void If_WithElifAndElse_HasAllClauses()
    {
        var command = Only<IfCommand>("if [ -d x ]; then rm -rf x; elif test -f y; then rm y; else echo none; fi");
        command.Clauses.Count.ShouldBe(2);
        Texts(OnlySimple(command.Clauses[0].Condition)).ShouldBe(["[", "-d", "x", "]"]);
        Texts(OnlySimple(command.Clauses[0].Body)).ShouldBe(["rm", "-rf", "x"]);
        Texts(OnlySimple(command.Else!)).ShouldBe(["echo", "none"]);
    }

    [Fact]
    public void If_MultiLine_Parses()
    {
        var command = Only<IfCommand>("if true\nthen\n  rm x\nfi");
        command.Else.ShouldBeNull();
    }

    [Theory]
    [InlineData("while true; do rm x; done", false)]
    [InlineData("until false; do rm x; done", true)]
    public void While_AndUntil_HaveConditionAndBody(string source, bool until)
    {
        var command = Only<WhileCommand>(source);
        command.Until.ShouldBe(until);
        Texts(OnlySimple(command.Body)).ShouldBe(["rm", "x"]);
    }

    [Fact]
    public void For_WithItems_HasVariableItemsAndBody()
    {
        var command = Only<ForCommand>("for f in *.log; do rm \"$f\"; done");
        command.Variable.ShouldBe("f");
        command.Items!.Count.ShouldBe(1);
        command.Items[0].Text.ShouldBe("*.log");
        var rm = OnlySimple(command.Body);
        rm.Words[1].Parts[0].ShouldBe(new ParameterPart("f", null, null, true));
    }

    [Theory]
    [InlineData("for x; do echo $x; done")]
    [InlineData("for x do echo $x; done")]
    [InlineData("for x\ndo echo $x\ndone")]
    public void For_WithoutIn_HasNullItems(string source)
    {
        Only<ForCommand>(source).Items.ShouldBeNull();
    }

    [Fact]
    public void For_EmptyInList_HasEmptyItems()
    {
        Only<ForCommand>("for x in; do echo; done").Items!.ShouldBeEmpty();
    }

    [Fact]
    public void Select_IsParsedLikeFor()
    {
        Only<ForCommand>("select x in a b; do rm $x; done").Items!.Count.ShouldBe(2);
    }

    [Fact]
    public void ArithmeticFor_SplitsThreeExpressions()
    {
        var command = Only<ArithmeticForCommand>("for ((i = 0; i < 10; i++)); do echo $i; done");
        command.Init.ShouldBe("i = 0");
        command.Condition.ShouldBe("i < 10");
        command.Step.ShouldBe("i++");
    }

    [Fact]
    public void Case_ItemsPatternsAndTerminators_AreParsed()
    {
        var command = Only<CaseCommand>("case $x in a|b) rm a;; (c) ls;& *) echo;;& esac");
        command.Subject.Parts[0].ShouldBeOfType<ParameterPart>();
        command.Items.Count.ShouldBe(3);
        command.Items[0].Patterns.Count.ShouldBe(2);
        Texts(OnlySimple(command.Items[0].Body)).ShouldBe(["rm", "a"]);
        command.Items[2].Patterns[0].Text.ShouldBe("*");
    }

    [Fact]
    public void Case_LastItemWithoutDoubleSemicolon_Parses()
    {
        var command = Only<CaseCommand>("case $x in\n  a) rm a;;\n  *) ls\nesac");
        command.Items.Count.ShouldBe(2);
    }

    [Fact]
    public void Case_EmptyBodyAndNoItems_Parse()
    {
        Only<CaseCommand>("case x in a) ;; esac").Items[0].Body.Statements.ShouldBeEmpty();
        Only<CaseCommand>("case x in esac").Items.ShouldBeEmpty();
    }

    [Fact]
    public void Function_ParenthesesForm_DefinitionThenCall()
    {
        var script = ParseOk("f() { rm -rf /; }; f");
        script.Statements.Count.ShouldBe(2);
        var function = OnlyCommand(new Script([script.Statements[0]])).ShouldBeOfType<FunctionDefinition>();
        function.Name.ShouldBe("f");
        var body = function.Body.ShouldBeOfType<GroupCommand>();
        Texts(OnlySimple(body.Body)).ShouldBe(["rm", "-rf", "/"]);
    }

    [Theory]
    [InlineData("function f { rm x; }")]
    [InlineData("function f() { rm x; }")]
    [InlineData("function f ( ) \n{ rm x; }")]
    [InlineData("f () ( rm x )")]
    [InlineData("f()\n{\n rm x\n}")]
    public void Function_AllForms_AreDefinitions(string source)
    {
        var function = Only<FunctionDefinition>(source);
        function.Name.ShouldBe("f");
        AllSimpleCommands(ParseOk(source)).ShouldHaveSingleItem().Words[0].StaticValue.ShouldBe("rm");
    }

    [Fact]
    public void Function_BodyRedirection_BelongsToBody()
    {
        var function = Only<FunctionDefinition>("f() { echo; } > out");
        function.Body.Redirections.Count.ShouldBe(1);
    }

    [Fact]
    public void ArithmeticCommand_HasExpressionAndSubstitutions()
    {
        var command = Only<ArithmeticCommand>("(( x = $(rm -rf /) + 1 ))");
        command.Expression.ShouldBe(" x = $(rm -rf /) + 1 ");
        command.Substitutions.Count.ShouldBe(1);
    }

    [Fact]
    public void DoubleParen_ThatAreNestedSubshells_AreSubshells()
    {
        var outer = Only<SubshellCommand>("((rm x) ; (ls))");
        outer.Body.Statements.Count.ShouldBe(2);
    }

    [Fact]
    public void Conditional_OperatorsAreLiteralWords()
    {
        var command = Only<ConditionalCommand>("[[ -f x && ! ( $a < b ) || $c == d ]]");
        var texts = command.Words.Select(w => w.Text).ToArray();
        texts.ShouldBe(["-f", "x", "&&", "!", "(", "$a", "<", "b", ")", "||", "$c", "==", "d"]);
    }

    [Fact]
    public void Conditional_RegexAfterMatchOperator_IsOneDataWord()
    {
        var command = Only<ConditionalCommand>("[[ $x =~ ^(a|b)+[0-9]$ ]]");
        command.Words.Count.ShouldBe(3);
        command.Words[2].Text.ShouldBe("^(a|b)+[0-9]$");
    }

    [Fact]
    public void Conditional_FollowedByAndList_Parses()
    {
        var script = ParseOk("[[ -d x ]] && rm -rf x");
        script.Statements[0].Body.Rest.Count.ShouldBe(1);
    }

    [Fact]
    public void Compound_TrailingRedirections_AreAttached()
    {
        var command = Only<WhileCommand>("while read l; do echo $l; done < input 2>/dev/null");
        command.Redirections.Count.ShouldBe(2);
        command.Redirections[0].Operator.ShouldBe(RedirectionOperator.Input);
        command.Redirections[1].FileDescriptor.ShouldBe(2);
    }

    [Fact]
    public void Compound_InPipeline_IsAStage()
    {
        var pipeline = ParseOk("ls | while read f; do rm $f; done").Statements[0].Body.First;
        pipeline.Commands[1].ShouldBeOfType<WhileCommand>();
    }

    [Fact]
    public void Nested_CompoundCommands_Parse()
    {
        var source = "for d in a b; do if [ -d $d ]; then (cd $d && { make || exit 1; }); fi; done";
        AllSimpleCommands(ParseOk(source)).Select(c => c.Words[0].Text).ShouldBe(["[", "cd", "make", "exit"]);
    }
}
