using Gatehouse.Core.Shell;
using Gatehouse.Core.Shell.Syntax;

namespace Gatehouse.Core.Tests.Shell;

internal static class ShellTestHelpers
{
    public static Script ParseOk(string source)
    {
        var result = ShellParser.Parse(source);
        result.Error.ShouldBeNull($"unexpected error for <{source}>: {result.Error?.Message} at {result.Error?.Offset}");
        return result.Script!;
    }

    public static ShellParseError ParseError(string source)
    {
        var result = ShellParser.Parse(source);
        result.Script.ShouldBeNull($"expected an error for <{source}>");
        return result.Error!;
    }

    public static Command OnlyCommand(Script script)
    {
        script.Statements.Count.ShouldBe(1);
        var statement = script.Statements[0];
        statement.Body.Rest.ShouldBeEmpty();
        statement.Body.First.Commands.Count.ShouldBe(1);
        return statement.Body.First.Commands[0];
    }

    public static SimpleCommand OnlySimple(string source) => OnlyCommand(ParseOk(source)).ShouldBeOfType<SimpleCommand>();

    public static SimpleCommand OnlySimple(Script script) => OnlyCommand(script).ShouldBeOfType<SimpleCommand>();

    public static T Only<T>(string source)
        where T : Command => OnlyCommand(ParseOk(source)).ShouldBeOfType<T>();

    public static string[] Texts(SimpleCommand command)
    {
        var texts = new string[command.Words.Count];
        for (var i = 0; i < texts.Length; i++)
        {
            texts[i] = command.Words[i].Text;
        }

        return texts;
    }

    /// <summary>All simple commands in the script, depth first, including inside substitutions.</summary>
    public static List<SimpleCommand> AllSimpleCommands(Script script)
    {
        var found = new List<SimpleCommand>();
        Walk(script, found);
        return found;
    }

    private static void Walk(Script script, List<SimpleCommand> found)
    {
        foreach (var statement in script.Statements)
        {
            WalkPipeline(statement.Body.First, found);
            foreach (var (_, pipeline) in statement.Body.Rest)
            {
                WalkPipeline(pipeline, found);
            }
        }
    }

    private static void WalkPipeline(Pipeline pipeline, List<SimpleCommand> found)
    {
        foreach (var command in pipeline.Commands)
        {
            WalkCommand(command, found);
        }
    }

    private static void WalkCommand(Command command, List<SimpleCommand> found)
    {
        switch (command)
        {
            case SimpleCommand simple:
                found.Add(simple);
                foreach (var word in simple.Words)
                {
                    WalkWord(word, found);
                }

                foreach (var assignment in simple.Assignments)
                {
                    if (assignment.Value is not null)
                    {
                        WalkWord(assignment.Value, found);
                    }
                }

                break;
            case SubshellCommand subshell:
                Walk(subshell.Body, found);
                break;
            case GroupCommand group:
                Walk(group.Body, found);
                break;
            case IfCommand ifCommand:
                foreach (var (condition, body) in ifCommand.Clauses)
                {
                    Walk(condition, found);
                    Walk(body, found);
                }

                if (ifCommand.Else is not null)
                {
                    Walk(ifCommand.Else, found);
                }

                break;
            case WhileCommand loop:
                Walk(loop.Condition, found);
                Walk(loop.Body, found);
                break;
            case ForCommand forCommand:
                Walk(forCommand.Body, found);
                break;
            case CaseCommand caseCommand:
                foreach (var item in caseCommand.Items)
                {
                    Walk(item.Body, found);
                }

                break;
            case FunctionDefinition function:
                WalkCommand(function.Body, found);
                break;
            default:
                break;
        }

        foreach (var redirection in command.Redirections)
        {
            if (redirection.Target is not null)
            {
                WalkWord(redirection.Target, found);
            }

            if (redirection.Heredoc?.ExpandedBody is { } body)
            {
                WalkWord(body, found);
            }
        }
    }

    private static void WalkWord(Word word, List<SimpleCommand> found)
    {
        foreach (var part in word.Parts)
        {
            switch (part)
            {
                case CommandSubstitutionPart substitution:
                    Walk(substitution.Body, found);
                    break;
                case ProcessSubstitutionPart process:
                    Walk(process.Body, found);
                    break;
                case ParameterPart { Argument: { } argument }:
                    WalkWord(argument, found);
                    break;
                case ArithmeticPart arithmetic:
                    foreach (var script in arithmetic.Substitutions)
                    {
                        Walk(script, found);
                    }

                    break;
                default:
                    break;
            }
        }
    }
}
