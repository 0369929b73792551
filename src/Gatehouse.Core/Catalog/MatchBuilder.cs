using Gatehouse.Core.Model;
using Gatehouse.Core.Shell.Syntax;

namespace Gatehouse.Core.Catalog;

/// <summary>Turns a matched rule and the parsed arguments into the actions and delegations of a <see cref="CatalogMatch"/>.</summary>
internal static class MatchBuilder
{
    private const string CredentialKind = "credential";
    private const string VolumeKind = "volume";

    public static CatalogMatch Build(ToolDefinition tool, CatalogRule rule, ParsedArguments arguments)
    {
        var risk = rule.Risk;
        var kind = rule.InferKind ? InferKind(tool, rule, arguments) : rule.Kind;
        var tags = new List<string>(rule.Tags);
        if (!rule.IsObservation)
        {
            Apply(tool.Raises, arguments, ref risk, ref kind, tags);
        }

        Apply(rule.Raises, arguments, ref risk, ref kind, tags);

        var hints = new List<string>();
        foreach (var source in tool.Environment)
        {
            source.Collect(arguments, hints);
        }

        foreach (var source in rule.Environment)
        {
            source.Collect(arguments, hints);
        }

        var delegations = new List<Delegation>();
        foreach (var spec in rule.Delegations)
        {
            if (!spec.Collect(arguments, delegations))
            {
                // Code we cannot see runs: fail closed.
                AddTag(tags, Model.Tags.Opaque);
                risk = Max(risk, Risk.High);
            }
        }

        var environment = hints.Count == 0 ? (IReadOnlyList<string>)[] : Distinct(hints);
        var actions = rule.Paths.Length > 0
            ? BuildPathActions(tool, rule, rule.Paths, arguments, new Outcome(kind, risk, tags, environment))
            : [Action(tool, rule, FindTarget(tool, rule, arguments), new Outcome(kind, risk, tags, environment))];
        return new CatalogMatch(rule.Id, actions, delegations);
    }

    /// <summary>Usage text only: nothing runs.</summary>
    public static CatalogMatch Help(ToolDefinition tool)
    {
        var action = new AgentAction
        {
            Verb = Verb.Read,
            Target = ResourceRef.Of("help", tool.Tool),
            Tool = tool.Tool,
            Reversible = true,
            Risk = Risk.None,
            Path = tool.Tool,
            RuleId = tool.Tool + ".help",
            Reason = "prints the tool's usage and exits",
        };
        return new CatalogMatch(action.RuleId, [action], []);
    }

    /// <summary>
    /// A launcher's view of the command it started: the inner match, reached through the launcher
    /// (<c>dotenv&gt;rails</c>), carrying the launcher's environment evidence (<c>dotenv -e .env.production</c>).
    /// </summary>
    public static CatalogMatch Wrap(ToolDefinition tool, CatalogRule rule, ParsedArguments arguments, CatalogMatch inner)
    {
        var hints = new List<string>();
        foreach (var source in tool.Environment)
        {
            source.Collect(arguments, hints);
        }

        foreach (var source in rule.Environment)
        {
            source.Collect(arguments, hints);
        }

        var actions = new List<AgentAction>(inner.Actions.Count);
        foreach (var action in inner.Actions)
        {
            var merged = action.EnvironmentHints;
            if (hints.Count > 0)
            {
                var combined = new List<string>(action.EnvironmentHints);
                combined.AddRange(hints);
                merged = Distinct(combined);
            }

            actions.Add(action with { Path = tool.Tool + ">" + action.Path, EnvironmentHints = merged });
        }

        return inner with { Actions = actions };
    }

    private static List<AgentAction> BuildPathActions(ToolDefinition tool, CatalogRule rule, PathTargets[] specs, ParsedArguments arguments, Outcome outcome)
    {
        var actions = new List<AgentAction>();
        var destroysUnseen = false;
        var candidates = new List<Word>();
        foreach (var paths in specs)
        {
            destroysUnseen |= paths.Mode is PathMode.Destroy or PathMode.Modify;
            candidates.Clear();
            SelectPaths(paths, arguments, candidates);
            foreach (var candidate in candidates)
            {
                var word = candidate;
                if (paths.Prefix is not null)
                {
                    if (!word.Text.StartsWith(paths.Prefix, StringComparison.Ordinal))
                    {
                        continue;
                    }

                    word = StripPrefix(word, paths.Prefix);
                }

                var pathTags = new List<string>(outcome.Tags);
                var pathKind = outcome.Kind;
                var pathRisk = Max(outcome.Risk, RiskOfPath(paths.Mode, word, pathTags, ref pathKind));
                actions.Add(Action(tool, rule, word.Text, outcome with { Kind = pathKind, Risk = pathRisk, Tags = pathTags }));
            }
        }

        if (actions.Count == 0)
        {
            // No path on the line: for a destroying command they come from stdin (xargs rm), so they are unknown.
            if (destroysUnseen)
            {
                AddTag(outcome.Tags, Model.Tags.DynamicTarget);
                outcome = outcome with { Risk = Max(outcome.Risk, Risk.High) };
            }

            actions.Add(Action(tool, rule, FindTarget(tool, rule, arguments), outcome));
        }

        return actions;
    }

    /// <summary>The words one path spec names: positionals by <see cref="PathSelection"/>, then option values.</summary>
    private static void SelectPaths(PathTargets paths, ParsedArguments arguments, List<Word> candidates)
    {
        var positionals = arguments.Positionals;
        var explicitDestination = paths.Select is PathSelection.Sources or PathSelection.Destination && HasFlagValue(paths, arguments);
        var start = paths.From;
        var end = paths.Select switch
        {
            PathSelection.Flags => start,
            PathSelection.Sources => explicitDestination ? positionals.Count : positionals.Count - 1,
            PathSelection.Destination => explicitDestination || positionals.Count - start < 2 ? start : positionals.Count,
            _ => positionals.Count - (paths.ExcludeLast ? 1 : 0),
        };
        if (paths.Select == PathSelection.Destination)
        {
            start = Math.Max(start, end - 1);
        }

        for (var i = start; i < end; i++)
        {
            var word = positionals[i];
            if (paths.Exclude is null || !paths.Exclude.IsMatch(word.Text))
            {
                candidates.Add(word);
            }
        }

        if (paths.Flags.Length == 0 || paths.Select == PathSelection.Sources)
        {
            // A copy's sources spec names the destination options only to know that the last positional is a source too.
            return;
        }

        foreach (var flag in arguments.Flags)
        {
            if (flag.Value is not null && Array.IndexOf(paths.Flags, flag.Name) >= 0)
            {
                candidates.Add(FlagValueWord(arguments, flag));
            }
        }
    }

    private static bool HasFlagValue(PathTargets paths, ParsedArguments arguments)
    {
        foreach (var flag in arguments.Flags)
        {
            if (flag.Value is not null && Array.IndexOf(paths.Flags, flag.Name) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The risk of one path, its scope tags, and the kind the path itself reveals (a credential file, a block device).</summary>
    private static Risk RiskOfPath(PathMode mode, Word path, List<string> tags, ref string kind)
    {
        if (mode == PathMode.Read)
        {
            if (CredentialPaths.IsCredential(path.Text))
            {
                AddTag(tags, Model.Tags.CredentialAccess);
                kind = CredentialKind;
                return Risk.Medium;
            }

            return Risk.None;
        }

        var scope = mode == PathMode.Write ? PathClassifier.ClassifyWriteTarget(path) : PathClassifier.Classify(path);
        foreach (var tag in PathRisk.TagsFor(scope))
        {
            AddTag(tags, tag);
        }

        if (scope == PathScope.Device)
        {
            // Overwriting /dev/sda destroys a whole disk, whatever the command calls its output.
            kind = VolumeKind;
        }

        return mode switch
        {
            PathMode.Modify => PathRisk.ForModification(scope),
            PathMode.Write => PathRisk.ForWrite(scope),
            _ => PathRisk.ForDeletion(scope),
        };
    }

    /// <summary>The word that carried an option's value, so a path like <c>-Path $HOME</c> keeps its dynamic parts.</summary>
    private static Word FlagValueWord(ParsedArguments arguments, ParsedFlag flag)
    {
        var words = arguments.Words;
        for (var i = 0; i + 1 < words.Count; i++)
        {
            if (string.Equals(words[i].Text, flag.Name, StringComparison.OrdinalIgnoreCase) && string.Equals(words[i + 1].Text, flag.Value, StringComparison.Ordinal))
            {
                return words[i + 1];
            }
        }

        // Attached (--path=X, -Path:X): the literal remainder; a dynamic remainder was rendered as $NAME, which stays dynamic-looking.
        return flag.ValueIsStatic
            ? new Word([new LiteralPart(flag.Value!, QuoteKind.Single)], 0, 0)
            : new Word([new ParameterPart(flag.Value!, null, null, false)], 0, 0);
    }

    private static Word StripPrefix(Word word, string prefix)
    {
        if (word.Parts.Count > 0 && word.Parts[0] is LiteralPart first && first.Text.StartsWith(prefix, StringComparison.Ordinal))
        {
            var parts = new List<WordPart>(word.Parts.Count) { first with { Text = first.Text[prefix.Length..] } };
            for (var i = 1; i < word.Parts.Count; i++)
            {
                parts.Add(word.Parts[i]);
            }

            return new Word(parts, word.Start, word.End);
        }

        return word;
    }

    private static string? FindTarget(ToolDefinition tool, CatalogRule rule, ParsedArguments arguments)
    {
        foreach (var source in rule.Target.Length > 0 ? rule.Target : tool.Target)
        {
            if (source.First(arguments) is { } value)
            {
                return value;
            }
        }

        return null;
    }

    private static AgentAction Action(ToolDefinition tool, CatalogRule rule, string? id, Outcome outcome) =>
        new()
        {
            Verb = rule.Verb,
            Target = ResourceRef.Of(TargetKinds.OfDeletion(rule.Verb, outcome.Kind, id), id),
            Tool = tool.Tool,
            Reversible = rule.Reversible && outcome.Risk <= rule.Risk,
            Risk = outcome.Risk,
            Path = tool.Tool,
            RuleId = rule.Id,
            Reason = rule.Reason,
            Tags = outcome.Tags.Count == 0 ? [] : [.. outcome.Tags],
            EnvironmentHints = outcome.Environment,
        };

    /// <summary>The first line of the tool's kind table that holds names the kind; otherwise the rule's own.</summary>
    private static string InferKind(ToolDefinition tool, CatalogRule rule, ParsedArguments arguments)
    {
        foreach (var line in tool.Kinds)
        {
            if (line.Matches(arguments))
            {
                return line.Kind;
            }
        }

        return rule.Kind;
    }

    private static void Apply(RiskRaise[] raises, ParsedArguments arguments, ref Risk risk, ref string kind, List<string> tags)
    {
        foreach (var raise in raises)
        {
            if (!raise.Condition.IsMet(arguments))
            {
                continue;
            }

            if (raise.Risk is { } raised)
            {
                risk = Max(risk, raised);
            }

            if (raise.Tag is not null)
            {
                AddTag(tags, raise.Tag);
            }

            if (raise.Kind is not null)
            {
                kind = raise.Kind;
            }
        }
    }

    private static void AddTag(List<string> tags, string tag)
    {
        if (!tags.Contains(tag, StringComparer.Ordinal))
        {
            tags.Add(tag);
        }
    }

    private static List<string> Distinct(List<string> values)
    {
        var result = new List<string>(values.Count);
        foreach (var value in values)
        {
            if (!result.Contains(value, StringComparer.Ordinal))
            {
                result.Add(value);
            }
        }

        return result;
    }

    private static Risk Max(Risk a, Risk b) => a >= b ? a : b;

    /// <summary>What one action of a match will say: its target kind, risk, tags and environment evidence.</summary>
    private sealed record Outcome(string Kind, Risk Risk, List<string> Tags, IReadOnlyList<string> Environment);
}
