using Gatehouse.Core.Model;

namespace Gatehouse.Core.Inventory;

/// <summary>
/// Resolves an action's target against an <see cref="Inventory"/>: which resource it is, which environments
/// it really reaches, and what else its destruction would take with it. The environment the agent or the
/// input names can only add to what the inventory says, never lower it.
/// </summary>
/// <remarks>
/// Matching is exact (case-insensitive) on ids and names, plus structural forms of addresses: the host,
/// port and database of a URL or connection string. It never matches substrings. A bare target id only
/// matches a resource of a compatible kind (see <see cref="KindCompatibility"/>); environment hints such as
/// host names, contexts and profiles match any kind. Thread-safe; one resolver serves every request.
/// </remarks>
public sealed class InventoryResolver
{
    private readonly Inventory _inventory;
    private readonly InventoryGraph _graph;

    public InventoryResolver(Inventory inventory)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        _inventory = inventory;
        _graph = inventory.Graph;
    }

    /// <summary>Verbs whose action can destroy its target; <see cref="Verb.Unknown"/> counts, because unknown is never harmless.</summary>
    public static bool IsDestructive(AgentAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return action.Verb.IsDestructive() || action.HasTag(Tags.DestroysBackups);
    }

    public Resolution Resolve(AgentAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var evidence = new List<string>(2);
        var matches = new List<Match>(1);
        var extraEnvironments = new List<string>();
        var forms = new List<string>(4);

        MatchTargetId(action.Target, matches, evidence, forms);
        foreach (var hint in action.EnvironmentHints)
        {
            MatchHint(hint, matches, extraEnvironments, evidence, forms);
        }

        foreach (var named in action.Target.Environments)
        {
            var environment = _inventory.FindEnvironment(named);
            AddDistinct(extraEnvironments, environment?.Name ?? named);
            evidence.Add(environment is null
                ? $"the action names environment '{named}', which the inventory does not declare: treated as most critical"
                : $"the action names environment '{named}' ({environment.Name})");
        }

        if (matches.Count == 0)
        {
            evidence.Add(DescribeUnknown(action));
            var environments = SortByCriticality(extraEnvironments);
            return new Resolution(null, false, environments, Last(environments), [], false, false, evidence);
        }

        var target = PickTarget(matches, action.Target.Kind);
        var destructive = IsDestructive(action);
        return matches.Count == 1 || AllSame(matches)
            ? ResolveOne(target, extraEnvironments, destructive, evidence)
            : ResolveMany(target, matches, extraEnvironments, destructive, evidence);
    }

    private Resolution ResolveOne(int target, List<string> extraEnvironments, bool destructive, List<string> evidence)
    {
        var reach = _graph.ReachOf(target);
        IReadOnlyList<string> environments = reach.Environments;
        if (extraEnvironments.Count > 0)
        {
            var merged = new List<string>(reach.Environments);
            foreach (var extra in extraEnvironments)
            {
                AddDistinct(merged, extra);
            }

            environments = SortByCriticality(merged);
        }

        return new Resolution(
            _graph[target],
            true,
            environments,
            Last(environments),
            reach.Reached,
            destructive && reach.LeavesNoBackup,
            reach.HoldsOwnBackups,
            evidence);
    }

    /// <summary>Several resources named at once (an id and a host that differ): all of them count, for safety.</summary>
    private Resolution ResolveMany(int target, List<Match> matches, List<string> extraEnvironments, bool destructive, List<string> evidence)
    {
        var all = new HashSet<int> { target };
        var destroyed = new HashSet<int>();
        var blastRadius = new List<ReachedResource>();
        foreach (var match in matches)
        {
            if (all.Add(match.Index))
            {
                blastRadius.Add(new ReachedResource(_graph[match.Index], null, null));
            }
        }

        foreach (var match in matches)
        {
            var reach = _graph.ReachOf(match.Index);
            destroyed.Add(match.Index);
            destroyed.UnionWith(reach.FailsWith);
            for (var i = 0; i < reach.Reached.Length; i++)
            {
                if (all.Add(reach.ReachedIndices[i]))
                {
                    blastRadius.Add(reach.Reached[i]);
                }
            }
        }

        var environments = new List<string>(_graph.EnvironmentsOf(all));
        foreach (var extra in extraEnvironments)
        {
            AddDistinct(environments, extra);
        }

        var sorted = SortByCriticality(environments);
        return new Resolution(
            _graph[target],
            true,
            sorted,
            Last(sorted),
            blastRadius,
            destructive && _graph.LeavesNoBackup(destroyed),
            _graph.ReachOf(target).HoldsOwnBackups,
            evidence);
    }

    private void MatchTargetId(ResourceRef target, List<Match> matches, List<string> evidence, List<string> forms)
    {
        if (string.IsNullOrWhiteSpace(target.Id))
        {
            return;
        }

        if (_graph.Names.TryGetValue(AliasForms.Key(target.Id), out var index))
        {
            var resource = _graph[index];
            if (KindCompatibility.Compatible(target.Kind, resource.Kind))
            {
                matches.Add(new Match(index, 0));
                evidence.Add($"target {target.Kind} '{target.Id}' is {resource.Kind} {resource.Id}");
            }
            else
            {
                evidence.Add($"target {target.Kind} '{target.Id}' shares a name with {resource.Kind} {resource.Id}, not matched: the kinds differ");
            }

            return;
        }

        // An id written as a URL or connection string carries an address; its host and database are matched
        // like hints. A plain id (a path, a table name) is not taken apart.
        if (AliasForms.TryParseAddress(AliasForms.Key(target.Id), out var address) && (address.HadScheme || address.WasKeyValue))
        {
            forms.Clear();
            AliasForms.LookupForms(target.Id, forms);
            MatchForms(target.Id, forms, 1, "target " + target.Kind, matches, evidence);
        }
    }

    private void MatchHint(string hint, List<Match> matches, List<string> extraEnvironments, List<string> evidence, List<string> forms)
    {
        if (string.IsNullOrWhiteSpace(hint))
        {
            return;
        }

        forms.Clear();
        AliasForms.LookupForms(hint, forms);
        if (MatchForms(hint, forms, 2, "hint", matches, evidence))
        {
            return;
        }

        if (MatchCredential(hint, matches, extraEnvironments, evidence))
        {
            return;
        }

        var environment = _inventory.FindEnvironment(hint);
        if (environment is not null)
        {
            AddDistinct(extraEnvironments, environment.Name);
            evidence.Add($"hint '{hint}' names environment {environment.Name}");
        }
    }

    /// <summary>
    /// A hint that is a credential (<c>$DATABASE_URL</c>, an AWS profile) tells what the action can reach even
    /// when it names no resource: a credential scoped to one resource names it; a broader one brings every
    /// environment it reaches, so an unknown target with a production-capable credential counts as production.
    /// </summary>
    private bool MatchCredential(string hint, List<Match> matches, List<string> extraEnvironments, List<string> evidence)
    {
        var variable = VariableName(hint);
        var credential = variable is null ? _inventory.FindCredentialByProfile(hint) : _inventory.FindCredentialByVariable(variable);
        if (credential is null)
        {
            return false;
        }

        if (credential.Resources.Count == 1 && credential.Environments.Count == 0 && _graph.Names.TryGetValue(credential.Resources[0], out var only))
        {
            matches.Add(new Match(only, 2));
            evidence.Add($"hint '{hint}' is credential {credential.Id}, scoped to {_graph[only].Kind} {_graph[only].Id} alone");
            return true;
        }

        foreach (var environment in credential.Environments)
        {
            AddDistinct(extraEnvironments, environment);
        }

        foreach (var resourceId in credential.Resources)
        {
            if (_graph.Names.TryGetValue(resourceId, out var index))
            {
                foreach (var environment in _graph[index].Environments)
                {
                    AddDistinct(extraEnvironments, environment);
                }
            }
        }

        evidence.Add($"hint '{hint}' is credential {credential.Id}, which reaches {(extraEnvironments.Count == 0 ? "no declared environment" : string.Join(", ", extraEnvironments))}");
        return true;
    }

    /// <summary>The variable name of <c>$NAME</c>, <c>${NAME}</c> or <c>${NAME:-default}</c>; null for anything else.</summary>
    private static string? VariableName(string hint)
    {
        var text = hint.AsSpan().Trim();
        if (!text.StartsWith("$", StringComparison.Ordinal))
        {
            return null;
        }

        text = text[1..];
        var braced = text.StartsWith("{", StringComparison.Ordinal);
        if (braced)
        {
            text = text[1..];
        }

        var length = 0;
        while (length < text.Length && (char.IsAsciiLetterOrDigit(text[length]) || text[length] == '_'))
        {
            length++;
        }

        if (length == 0 || (braced ? length == text.Length || text[length] is not ('}' or ':' or '-') : length != text.Length))
        {
            return null;
        }

        return text[..length].ToString();
    }

    private bool MatchForms(string original, List<string> forms, int rank, string what, List<Match> matches, List<string> evidence)
    {
        foreach (var form in forms)
        {
            if (_graph.Names.TryGetValue(form, out var index))
            {
                var resource = _graph[index];
                matches.Add(new Match(index, rank));
                evidence.Add(string.Equals(form, AliasForms.Key(original), StringComparison.OrdinalIgnoreCase)
                    ? $"{what} '{original}' is {resource.Kind} {resource.Id}"
                    : $"{what} '{original}' (as '{form}') is {resource.Kind} {resource.Id}");
                return true;
            }
        }

        return false;
    }

    /// <summary>The named target wins over a hint; among equals, the one whose kind is the action's.</summary>
    private int PickTarget(List<Match> matches, string kind)
    {
        var best = matches[0];
        foreach (var match in matches)
        {
            if (match.Rank < best.Rank
                || (match.Rank == best.Rank
                    && string.Equals(_graph[match.Index].Kind, kind, StringComparison.OrdinalIgnoreCase)
                    && !string.Equals(_graph[best.Index].Kind, kind, StringComparison.OrdinalIgnoreCase)))
            {
                best = match;
            }
        }

        return best.Index;
    }

    private static bool AllSame(List<Match> matches)
    {
        foreach (var match in matches)
        {
            if (match.Index != matches[0].Index)
            {
                return false;
            }
        }

        return true;
    }

    private static string DescribeUnknown(AgentAction action)
    {
        var id = action.Target.Id is null ? "no id" : $"'{action.Target.Id}'";
        var hints = action.EnvironmentHints.Count == 0 ? "no hints" : "hints " + string.Join(", ", action.EnvironmentHints);
        return $"target {action.Target.Kind} ({id}, {hints}) is not in the inventory: unknown";
    }

    /// <summary>Least critical first; a stable insertion sort, since the list is a handful of names and ties keep first-seen order.</summary>
    private string[] SortByCriticality(List<string> environments)
    {
        var sorted = environments.ToArray();
        var ranks = new int[sorted.Length];
        for (var i = 0; i < sorted.Length; i++)
        {
            var name = sorted[i];
            var rank = _inventory.Criticality(name);
            var j = i - 1;
            while (j >= 0 && ranks[j] > rank)
            {
                sorted[j + 1] = sorted[j];
                ranks[j + 1] = ranks[j];
                j--;
            }

            sorted[j + 1] = name;
            ranks[j + 1] = rank;
        }

        return sorted;
    }

    private static string? Last(IReadOnlyList<string> environments) => environments.Count == 0 ? null : environments[^1];

    private static void AddDistinct(List<string> list, string value)
    {
        if (!list.Contains(value, StringComparer.Ordinal))
        {
            list.Add(value);
        }
    }

    private readonly record struct Match(int Index, int Rank);
}
