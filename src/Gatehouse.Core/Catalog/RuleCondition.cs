namespace Gatehouse.Core.Catalog;

/// <summary>One compiled test a rule (or a risk raise) makes on the parsed arguments.</summary>
internal abstract class RuleCondition
{
    public abstract bool IsMet(ParsedArguments arguments);
}

/// <summary>Any (or, negated, none) of the named options is present; exact names, so <c>--force</c> is not <c>--force-with-lease</c>.</summary>
internal sealed class FlagPresentCondition(string[] names, bool negated) : RuleCondition
{
    public override bool IsMet(ParsedArguments arguments)
    {
        foreach (var name in names)
        {
            if (arguments.HasFlag(name))
            {
                return !negated;
            }
        }

        return negated;
    }
}

/// <summary>Some occurrence of the named options has a value matching the pattern (negated: none has).</summary>
internal sealed class FlagValueCondition(string[] names, TextPattern pattern, bool negated) : RuleCondition
{
    public override bool IsMet(ParsedArguments arguments)
    {
        foreach (var flag in arguments.Flags)
        {
            if (flag.Value is not null && Array.IndexOf(names, flag.Name) >= 0 && pattern.IsMatch(flag.Value))
            {
                return !negated;
            }
        }

        return negated;
    }
}

/// <summary>The positional at a fixed index exists and matches.</summary>
internal sealed class PositionalCondition(int index, TextPattern pattern) : RuleCondition
{
    public override bool IsMet(ParsedArguments arguments) =>
        index < arguments.Positionals.Count && pattern.IsMatch(arguments.Positionals[index].Text);
}

/// <summary>The last positional (at or after <c>from</c>) matches.</summary>
internal sealed class LastPositionalCondition(int from, TextPattern pattern) : RuleCondition
{
    public override bool IsMet(ParsedArguments arguments) =>
        arguments.Positionals.Count > from && pattern.IsMatch(arguments.Positionals[^1].Text);
}

/// <summary>Some positional at or after <c>from</c> matches (negated: none does).</summary>
internal sealed class AnyPositionalCondition(int from, TextPattern pattern, bool negated) : RuleCondition
{
    public override bool IsMet(ParsedArguments arguments)
    {
        for (var i = from; i < arguments.Positionals.Count; i++)
        {
            if (pattern.IsMatch(arguments.Positionals[i].Text))
            {
                return !negated;
            }
        }

        return negated;
    }
}

/// <summary>The number of positionals lies within bounds.</summary>
internal sealed class PositionalCountCondition(int min, int max) : RuleCondition
{
    public override bool IsMet(ParsedArguments arguments) =>
        arguments.Positionals.Count >= min && arguments.Positionals.Count <= max;
}

/// <summary>Some positional at or after <c>from</c> is a path of one of the given scopes (<c>git checkout .</c> names the whole workspace).</summary>
internal sealed class PathScopeCondition(int from, PathScope[] scopes) : RuleCondition
{
    public override bool IsMet(ParsedArguments arguments)
    {
        for (var i = from; i < arguments.Positionals.Count; i++)
        {
            if (Array.IndexOf(scopes, PathClassifier.Classify(arguments.Positionals[i])) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
