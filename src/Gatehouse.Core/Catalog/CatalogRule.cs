using Gatehouse.Core.Model;

namespace Gatehouse.Core.Catalog;

/// <summary>
/// A raise: when its condition holds, the action's risk is at least <see cref="Risk"/>, it carries <see cref="Tag"/>,
/// and its target is of kind <see cref="Kind"/> (<c>rm -r</c> removes directories).
/// </summary>
internal sealed record RiskRaise(RuleCondition Condition, Risk? Risk, string? Tag)
{
    public string? Kind { get; init; }
}

/// <summary>
/// One line of a tool's kind table: when its conditions hold, a rule that infers its kind targets <see cref="Kind"/>
/// (<c>az sql db delete</c> deletes a database, <c>aws ec2 delete-volume</c> a volume).
/// </summary>
internal sealed record KindInference(RuleCondition[] Conditions, string Kind)
{
    public bool Matches(ParsedArguments arguments)
    {
        foreach (var condition in Conditions)
        {
            if (!condition.IsMet(arguments))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>How a path target's risk follows from where it points.</summary>
internal enum PathMode
{
    /// <summary>The command destroys the path (rm, shred): root, home and devices are critical, the workspace low.</summary>
    Destroy,
    /// <summary>The command changes the path in place (chmod -R, sed -i, tee): only system and home roots are serious.</summary>
    Modify,
    /// <summary>The command reads the path: only credential files matter.</summary>
    Read,
    /// <summary>The command writes the path (a copy's destination, an output file): protected paths and devices are critical, system files high.</summary>
    Write,
}

/// <summary>Which of a rule's words a path spec takes.</summary>
internal enum PathSelection
{
    /// <summary>Every positional from the index, and the values of the named options.</summary>
    All,
    /// <summary>
    /// A copy's sources: the positionals from the index except the last, or all of them when one of the named options
    /// (<c>cp -t DIR</c>) names the destination instead.
    /// </summary>
    Sources,
    /// <summary>A copy's destination: the value of a named option when given, else the last of at least two positionals from the index.</summary>
    Destination,
    /// <summary>Only the values of the named options (<c>curl -o FILE</c>, <c>sort -o FILE</c>).</summary>
    Flags,
}

/// <summary>Which positionals are filesystem paths: from an index, optionally all but the last, optionally only those with a prefix (<c>of=</c>).</summary>
/// <remarks><see cref="Flags"/> name options whose values are paths too (<c>Remove-Item -Path X</c>); positionals matching
/// <see cref="Exclude"/> are switches, not paths (<c>rmdir /s /q</c>).</remarks>
internal sealed record PathTargets(int From, bool ExcludeLast, string? Prefix, PathMode Mode)
{
    public string[] Flags { get; init; } = [];

    public TextPattern? Exclude { get; init; }

    public PathSelection Select { get; init; }
}

/// <summary>Hands the rest of the command line to another catalog tool: <c>npx prisma …</c>, <c>python manage.py …</c>, <c>docker compose …</c>.</summary>
/// <param name="Command">The tool to match, or null to use the positional's own text as the command name.</param>
/// <param name="At">The positional whose following words become the other tool's arguments.</param>
internal sealed record ForwardSpec(string? Command, int At);

/// <summary>A compiled rule: conditions, then what the command does when they all hold.</summary>
internal sealed record CatalogRule
{
    public required string Id { get; init; }

    public required RuleCondition[] Conditions { get; init; }

    public required Verb Verb { get; init; }

    public required string Kind { get; init; }

    /// <summary>The tool's kind table names the target kind from the command words; <see cref="Kind"/> is the default.</summary>
    public bool InferKind { get; init; }

    public required Risk Risk { get; init; }

    public required bool Reversible { get; init; }

    public required string[] Tags { get; init; }

    public required string Reason { get; init; }

    public required ValueSource[] Target { get; init; }

    public required ValueSource[] Environment { get; init; }

    public required RiskRaise[] Raises { get; init; }

    public required DelegationSpec[] Delegations { get; init; }

    /// <summary>The rule's path specs; one action per path they select. Empty: the rule names no paths.</summary>
    public PathTargets[] Paths { get; init; } = [];

    public ForwardSpec? Forward { get; init; }

    /// <summary>Read-only and dry-run rules are not escalated by the tool-wide raises (<c>kubectl get -A</c> is harmless).</summary>
    public bool IsObservation => Verb is Verb.Read or Verb.List || Array.IndexOf(Tags, Model.Tags.DryRun) >= 0;

    public bool Matches(ParsedArguments arguments)
    {
        foreach (var condition in Conditions)
        {
            if (!condition.IsMet(arguments))
            {
                return false;
            }
        }

        return true;
    }
}
