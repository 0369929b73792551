using System.Runtime.CompilerServices;
using Gatehouse.Core.Model;
using Gatehouse.Core.Shell.Syntax;

namespace Gatehouse.Core.Analysis;

/// <summary>The walk over the syntax tree: lists, pipelines, compound commands and the code hidden in words.</summary>
internal sealed partial class CommandWalker
{
    private void WalkScript(Script script, WalkScope scope)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            // Deep syntax re-parsed many times over could exhaust the stack; a crash would let a hook fail open.
            Emit(ActionFactory.Opaque("shell", "gatehouse.nesting-limit", "the input nests deeper than Gatehouse examines", Risk.High, Verb.Unknown), scope);
            return;
        }

        foreach (var statement in script.Statements)
        {
            if (_budgetExceeded)
            {
                return;
            }

            WalkPipeline(statement.Body.First, scope);
            foreach (var (_, pipeline) in statement.Body.Rest)
            {
                WalkPipeline(pipeline, scope);
            }
        }
    }

    private void WalkPipeline(Pipeline pipeline, WalkScope scope)
    {
        var upstream = PipeContent.Ordinary;
        for (var i = 0; i < pipeline.Commands.Count; i++)
        {
            if (!SpendSegment())
            {
                return;
            }

            var firstAction = _actions.Count;
            WalkCommand(pipeline.Commands[i], new StdinSource(pipeline, i), scope);
            CheckPipeExfiltration(pipeline, i, upstream, scope);
            var content = ContentOf(_actions, firstAction);
            ReleaseSecretsPipedToLogin(pipeline, i, firstAction);
            upstream = content > upstream ? content : upstream;
        }
    }

    private void WalkCommand(Command command, StdinSource stdin, WalkScope scope)
    {
        switch (command)
        {
            case SimpleCommand simple:
                WalkSimpleCommand(simple, stdin, scope);
                break;
            case SubshellCommand subshell:
                // A subshell's cd does not outlive it.
                var (directory, unknown) = (_workingDirectory, _workingDirectoryUnknown);
                WalkScript(subshell.Body, scope);
                (_workingDirectory, _workingDirectoryUnknown) = (directory, unknown);
                break;
            case GroupCommand group:
                WalkScript(group.Body, scope);
                break;
            case IfCommand conditional:
                foreach (var (condition, body) in conditional.Clauses)
                {
                    WalkScript(condition, scope);
                    WalkScript(body, scope);
                }

                if (conditional.Else is not null)
                {
                    WalkScript(conditional.Else, scope);
                }

                break;
            case WhileCommand loop:
                WalkScript(loop.Condition, scope);
                WalkScript(loop.Body, scope);
                break;
            case ForCommand loop:
                WalkForLoop(loop, scope);
                break;
            case ArithmeticForCommand loop:
                WalkScript(loop.Body, scope);
                break;
            case CaseCommand choice:
                WalkWord(choice.Subject, scope);
                foreach (var item in choice.Items)
                {
                    WalkScript(item.Body, scope);
                }

                break;
            case FunctionDefinition function:
                // Defining is not running, but a function defined in an agent's one-liner is there to be
                // called; judging its body now is the conservative reading and costs nothing when it is harmless.
                WalkCommand(function.Body, StdinSource.None, scope.Enter("function " + function.Name));
                break;
            case ArithmeticCommand arithmetic:
                foreach (var substitution in arithmetic.Substitutions)
                {
                    WalkScript(substitution, scope.Enter("$(( ))"));
                }

                break;
            case ConditionalCommand test:
                foreach (var word in test.Words)
                {
                    WalkWord(word, scope);
                }

                break;
            default:
                throw new InvalidOperationException($"Unhandled command node {command.GetType().Name}.");
        }

        if (command is not SimpleCommand)
        {
            WalkRedirections(command.Redirections, scope, writtenContent: null);
        }
    }

    /// <summary><c>for d in / ~; do rm -rf $d; done</c>: when every item is literal, the loop variable is known per iteration.</summary>
    private void WalkForLoop(ForCommand loop, WalkScope scope)
    {
        if (loop.Items is null)
        {
            WalkScript(loop.Body, scope);
            return;
        }

        foreach (var item in loop.Items)
        {
            WalkWord(item, scope);
        }

        var hadPrevious = _variables.TryGetValue(loop.Variable, out var previous);
        var iterations = 0;
        foreach (var item in loop.Items)
        {
            if (item.StaticValue is not { } value || item.HasUnquotedGlob || ++iterations > 16)
            {
                // Globs and computed items: walk once with the variable unknown.
                _variables.Remove(loop.Variable);
                WalkScript(loop.Body, scope);
                break;
            }

            _variables[loop.Variable] = value;
            WalkScript(loop.Body, scope);
        }

        if (hadPrevious)
        {
            _variables[loop.Variable] = previous!;
        }
        else
        {
            _variables.Remove(loop.Variable);
        }
    }

    /// <summary>Walks the code that runs while a word is expanded: command and process substitutions, arithmetic, parameter defaults.</summary>
    private void WalkWord(Word word, WalkScope scope)
    {
        if (word.IsStatic)
        {
            return;
        }

        foreach (var part in word.Parts)
        {
            switch (part)
            {
                case CommandSubstitutionPart substitution:
                    WalkScript(substitution.Body, scope.Enter("$()"));
                    break;
                case ProcessSubstitutionPart process:
                    WalkScript(process.Body, scope.Enter(process.IsInput ? "<()" : ">()"));
                    break;
                case ArithmeticPart arithmetic:
                    foreach (var nested in arithmetic.Substitutions)
                    {
                        WalkScript(nested, scope.Enter("$(( ))"));
                    }

                    break;
                case ParameterPart { Argument: { } argument }:
                    WalkWord(argument, scope);
                    break;
                default:
                    break;
            }
        }
    }

    private void WalkWords(IReadOnlyList<Word> words, WalkScope scope)
    {
        foreach (var word in words)
        {
            WalkWord(word, scope);
        }
    }
}
