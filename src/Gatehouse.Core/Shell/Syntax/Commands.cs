namespace Gatehouse.Core.Shell.Syntax;

/// <summary>A whole parsed input: statements in order.</summary>
public sealed record Script(IReadOnlyList<Statement> Statements);

/// <summary>One and-or list, terminated by <c>;</c>, a newline or <c>&amp;</c> (background).</summary>
public sealed record Statement(AndOrList Body, bool Background);

public enum AndOrOperator
{
    /// <summary><c>&amp;&amp;</c></summary>
    And,
    /// <summary><c>||</c></summary>
    Or,
}

/// <summary><c>p1 &amp;&amp; p2 || p3</c>: the first pipeline, then each operator with the pipeline after it.</summary>
public sealed record AndOrList(Pipeline First, IReadOnlyList<(AndOrOperator Operator, Pipeline Pipeline)> Rest);

/// <summary><c>[time] [!] c1 | c2 |&amp; c3</c>.</summary>
public sealed record Pipeline(IReadOnlyList<Command> Commands, bool Negated, bool Timed);

/// <summary>Any command that can stand in a pipeline.</summary>
public abstract record Command
{
    /// <summary>Redirections that apply to the whole command (for compound commands: after the closing keyword).</summary>
    public IReadOnlyList<Redirection> Redirections { get; init; } = [];
}

/// <summary><c>A=1 B=2 cmd arg… &gt;file</c>. <see cref="Words"/> may be empty (assignment-only).</summary>
public sealed record SimpleCommand(IReadOnlyList<Assignment> Assignments, IReadOnlyList<Word> Words, int Start, int End) : Command;

/// <summary><c>NAME=value</c>, <c>NAME+=value</c>, or <c>NAME=(a b c)</c> (then <see cref="ArrayValues"/> is set).</summary>
public sealed record Assignment(string Name, Word? Value, bool Append, IReadOnlyList<Word>? ArrayValues);

/// <summary><c>( … )</c></summary>
public sealed record SubshellCommand(Script Body) : Command;

/// <summary><c>{ …; }</c></summary>
public sealed record GroupCommand(Script Body) : Command;

/// <summary><c>if c; then …; elif c; then …; else …; fi</c>: each clause is (condition, body); Else may be null.</summary>
public sealed record IfCommand(IReadOnlyList<(Script Condition, Script Body)> Clauses, Script? Else) : Command;

/// <summary><c>while c; do …; done</c> or <c>until c; do …; done</c>.</summary>
public sealed record WhileCommand(Script Condition, Script Body, bool Until) : Command;

/// <summary><c>for name [in words]; do …; done</c>. <see cref="Items"/> is null when there was no <c>in</c>.</summary>
public sealed record ForCommand(string Variable, IReadOnlyList<Word>? Items, Script Body) : Command;

/// <summary><c>for (( init; cond; step )); do …; done</c>.</summary>
public sealed record ArithmeticForCommand(string Init, string Condition, string Step, Script Body) : Command;

/// <summary><c>case word in pattern|pattern) body ;; … esac</c>.</summary>
public sealed record CaseCommand(Word Subject, IReadOnlyList<CaseItem> Items) : Command;

public sealed record CaseItem(IReadOnlyList<Word> Patterns, Script Body);

/// <summary><c>name() body</c> or <c>function name body</c>. Defining is not running: the body runs when called.</summary>
public sealed record FunctionDefinition(string Name, Command Body) : Command;

/// <summary><c>(( expression ))</c>.</summary>
public sealed record ArithmeticCommand(string Expression, IReadOnlyList<Script> Substitutions) : Command;

/// <summary><c>[[ … ]]</c>: the words between the brackets (operators included as literal words).</summary>
public sealed record ConditionalCommand(IReadOnlyList<Word> Words) : Command;
