using Gatehouse.Core.Model;
using Gatehouse.Core.Policy;
using YamlDotNet.RepresentationModel;

namespace Gatehouse.Core.PolicyTools;

/// <summary>
/// Reads policy test suites. Every unknown key is an error with its line and column, so a misspelt
/// <c>expext</c> can never turn a case into one that checks nothing.
/// </summary>
/// <example>
/// <code>
/// name: PocketOS
/// inventory: ../../examples/pocketos/inventory.yaml   # relative to the suite; or an inline mapping
/// env: staging                                        # what the session declares
/// cases:
///   - name: deleting the shared volume is denied
///     command: railway volume delete --volume vol-pocketos-data
///     expect: deny
///     policies: [no-backup-destruction]
///   - name: an explicit action
///     action: { verb: delete, kind: volume, id: vol-pocketos-data }
///     context: { code_freeze: [production] }        # or a context file, as check --context reads it
///     expect: deny
/// </code>
/// </example>
public static class PolicyTestSuiteReader
{
    private const string InventoryNone = "none";

    public static PolicyTestSuite Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(YamlInput.ReadFile(path), path);
    }

    /// <param name="yaml">The suite text.</param>
    /// <param name="source">The suite's path: error messages name it, and relative inventory paths resolve against its directory.</param>
    public static PolicyTestSuite Parse(string yaml, string source)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(source);
        var root = YamlInput.Mapping(source, YamlInput.Parse(yaml, source), "a test suite");
        var name = System.IO.Path.GetFileNameWithoutExtension(source);
        var defaults = new CaseDefaults(null, null, null, null);
        YamlSequenceNode? cases = null;
        foreach (var (keyNode, value) in root.Children)
        {
            switch (YamlInput.Scalar(source, keyNode, "a key"))
            {
                case "name":
                    name = YamlInput.Scalar(source, value, "name");
                    break;
                case "inventory":
                    defaults = defaults with { Inventory = ReadInventory(source, value) };
                    break;
                case "env":
                    defaults = defaults with { Environment = YamlInput.Scalar(source, value, "env") };
                    break;
                case "context":
                    defaults = defaults with { Context = ReadContext(source, value) };
                    break;
                case "time":
                    defaults = defaults with { Time = ParseTime(source, value) };
                    break;
                case "cases":
                    cases = value as YamlSequenceNode ?? throw YamlInput.Error(source, value, "cases must be a list.");
                    break;
                case var other:
                    throw YamlInput.Error(source, keyNode, $"unknown key '{other}' in a suite (name, inventory, env, context, time, cases).");
            }
        }

        if (cases is null || cases.Children.Count == 0)
        {
            throw YamlInput.Error(source, root, "a suite needs a non-empty 'cases' list.");
        }

        var list = new List<PolicyTestCase>(cases.Children.Count);
        foreach (var node in cases)
        {
            list.Add(ReadCase(source, node, defaults));
        }

        return new PolicyTestSuite(source, name, list);
    }

    private static PolicyTestCase ReadCase(string source, YamlNode node, CaseDefaults defaults)
    {
        var map = YamlInput.Mapping(source, node, "a case");
        var location = $"{source}:{node.Start.Line}";
        string? name = null;
        string? input = null;
        var kind = InputKind.Shell;
        AgentAction? action = null;
        var environment = defaults.Environment;
        var inventory = defaults.Inventory;
        var context = defaults.Context;
        Decision? decision = null;
        int? approvals = null;
        List<string>? policies = null;
        foreach (var (keyNode, value) in map.Children)
        {
            switch (YamlInput.Scalar(source, keyNode, "a key"))
            {
                case "name" or "note":
                    name = YamlInput.Scalar(source, value, "name");
                    break;
                case "command" or "input":
                    input = YamlInput.Scalar(source, value, "the input");
                    break;
                case "kind":
                    kind = ParseKind(source, value);
                    break;
                case "action":
                    action = PolicyTestActionReader.Read(source, value);
                    break;
                case "env":
                    environment = YamlInput.Scalar(source, value, "env");
                    break;
                case "inventory":
                    inventory = ReadInventory(source, value);
                    break;
                case "context":
                    context = ReadContext(source, value);
                    break;
                case "expect":
                    decision = ParseDecision(source, value);
                    break;
                case "approvals" or "approvers":
                    approvals = ParseCount(source, value);
                    break;
                case "policies":
                    policies = YamlInput.Strings(source, value, "policies");
                    break;
                case var other:
                    throw YamlInput.Error(source, keyNode, $"unknown key '{other}' in a case (name, command, kind, action, env, inventory, context, expect, approvers, policies).");
            }
        }

        if ((input is null) == (action is null))
        {
            throw YamlInput.Error(source, map, "a case needs exactly one of 'command' (or 'input') and 'action'.");
        }

        if (decision is not { } expected)
        {
            throw YamlInput.Error(source, map, "a case needs 'expect: allow|approve|deny'.");
        }

        if (approvals is not null && expected != Decision.Approve)
        {
            throw YamlInput.Error(source, map, "'approvers' only makes sense with 'expect: approve'.");
        }

        return new PolicyTestCase(name ?? input ?? location, location, kind, input, action, environment, inventory, context, defaults.Time, new ExpectedOutcome(expected, approvals, policies));
    }

    private static InventorySpec? ReadInventory(string source, YamlNode value)
    {
        if (value is YamlMappingNode)
        {
            return new InventorySpec($"{source}:{value.Start.Line}", null, YamlInput.Write(value));
        }

        var text = YamlInput.Scalar(source, value, "inventory");
        if (string.Equals(text, InventoryNone, StringComparison.Ordinal))
        {
            return null;
        }

        var path = Resolve(source, text);
        return new InventorySpec(path, path, null);
    }

    /// <summary>A context file (relative to the suite, as <c>gatehouse check --context</c> reads it), or <c>{ code_freeze: true | [envs] }</c>.</summary>
    private static ContextSpec? ReadContext(string source, YamlNode value)
    {
        if (value is YamlScalarNode)
        {
            var path = Resolve(source, YamlInput.Scalar(source, value, "context"));
            try
            {
                return new ContextSpec(path, PolicyContextReader.Load(path));
            }
            catch (PolicyLoadException exception)
            {
                throw YamlInput.Error(source, value, exception.Message);
            }
        }

        var map = YamlInput.Mapping(source, value, "context");
        List<string>? environments = null;
        var reason = "code freeze";
        foreach (var (keyNode, item) in map.Children)
        {
            switch (YamlInput.Scalar(source, keyNode, "a key"))
            {
                case "code_freeze":
                    environments = item is YamlScalarNode
                        ? YamlInput.Scalar(source, item, "code_freeze") switch
                        {
                            "true" => [],
                            "false" => null,
                            var other => throw YamlInput.Error(source, item, $"code_freeze is true, false or a list of environments, not '{other}'."),
                        }
                        : YamlInput.Strings(source, item, "code_freeze environments");
                    break;
                case "reason":
                    reason = YamlInput.Scalar(source, item, "reason");
                    break;
                case var other:
                    throw YamlInput.Error(source, keyNode, $"unknown key '{other}' in context (code_freeze, reason); or give a context file's path.");
            }
        }

        return environments is null
            ? null
            : new ContextSpec($"freeze:{string.Join(',', environments)}", new PolicyContext([new CodeFreeze(environments, null, null, reason)]));
    }

    private static DateTimeOffset ParseTime(string source, YamlNode value)
    {
        var text = YamlInput.Scalar(source, value, "time");
        return DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : throw YamlInput.Error(source, value, $"'{text}' is not a date and time such as 2025-07-18T09:00:00Z.");
    }

    private static string Resolve(string source, string relative)
    {
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(source)) ?? ".";
        return System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, relative));
    }

    private static InputKind ParseKind(string source, YamlNode value) => YamlInput.Scalar(source, value, "kind") switch
    {
        "shell" => InputKind.Shell,
        "sql" => InputKind.Sql,
        "http" => InputKind.Http,
        "graphql" => InputKind.GraphQL,
        var other => throw YamlInput.Error(source, value, $"unknown kind '{other}' (shell, sql, http, graphql)."),
    };

    internal static Decision ParseDecision(string source, YamlNode value) => YamlInput.Scalar(source, value, "expect") switch
    {
        "allow" => Decision.Allow,
        "approve" => Decision.Approve,
        "deny" => Decision.Deny,
        var other => throw YamlInput.Error(source, value, $"unknown decision '{other}' (allow, approve, deny)."),
    };

    private static int ParseCount(string source, YamlNode value)
    {
        var text = YamlInput.Scalar(source, value, "approvals");
        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count) && count > 0
            ? count
            : throw YamlInput.Error(source, value, $"approvers must be a positive whole number, not '{text}'.");
    }

    private sealed record CaseDefaults(string? Environment, InventorySpec? Inventory, ContextSpec? Context, DateTimeOffset? Time);
}
