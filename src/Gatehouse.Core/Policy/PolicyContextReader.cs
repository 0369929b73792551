using System.Globalization;
using System.Text;
using Gatehouse.Core.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Gatehouse.Core.Policy;

/// <summary>
/// Reads a policy context file. Every unknown key is an error, so a misspelt <c>untill</c> cannot quietly
/// make a freeze last forever or never start.
/// </summary>
/// <example>
/// <code>
/// code_freezes:
///   - environments: [production]
///     from: 2025-07-08T00:00:00Z
///     until: 2025-07-21T00:00:00Z
///     reason: release freeze
/// </code>
/// </example>
public static class PolicyContextReader
{
    private const int MaxChars = 1024 * 1024;

    /// <summary>The layout is four levels deep (code_freezes, the list, a freeze, its environments); far deeper is hostile.</summary>
    private const int MaxDepth = 16;

    public static PolicyContext Load(string path) => Parse(ReadFile(path), path);

    /// <summary>Reads a policy context file's text as strict UTF-8; throws <see cref="PolicyLoadException"/>.</summary>
    internal static string ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            return File.ReadAllText(path, StrictUtf8.Encoding);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or DecoderFallbackException or ArgumentException or NotSupportedException)
        {
            throw new PolicyLoadException($"{path}: cannot read the policy context: {exception.Message}", exception);
        }
    }

    public static PolicyContext Parse(string yaml, string source)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        if (yaml.Length > MaxChars)
        {
            throw new PolicyLoadException($"{source}: the policy context is larger than {MaxChars} characters.");
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(DepthLimitingParser.Over(yaml, MaxDepth, "a policy context"));
        }
        catch (YamlException exception)
        {
            throw new PolicyLoadException($"{source}:{exception.Start.Line}:{exception.Start.Column}: {exception.Message}", exception);
        }

        if (stream.Documents.Count == 0)
        {
            return PolicyContext.Empty;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw Error(source, stream.Documents[0].RootNode, "the policy context must be a mapping with code_freezes.");
        }

        var freezes = new List<CodeFreeze>();
        foreach (var (key, value) in root.Children)
        {
            if (Scalar(source, key) != "code_freezes")
            {
                throw Error(source, key, $"unknown key '{Scalar(source, key)}'; the policy context holds code_freezes.");
            }

            if (value is not YamlSequenceNode list)
            {
                throw Error(source, value, "code_freezes must be a list.");
            }

            foreach (var item in list)
            {
                freezes.Add(ReadFreeze(source, item));
            }
        }

        return new PolicyContext(freezes);
    }

    private static CodeFreeze ReadFreeze(string source, YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            throw Error(source, node, "a code freeze is a mapping with environments, from, until and reason.");
        }

        List<string> environments = [];
        DateTimeOffset? from = null;
        DateTimeOffset? until = null;
        string? reason = null;
        foreach (var (keyNode, value) in map.Children)
        {
            switch (Scalar(source, keyNode))
            {
                case "environments":
                    if (value is not YamlSequenceNode names)
                    {
                        throw Error(source, value, "environments must be a list of environment names.");
                    }

                    foreach (var name in names)
                    {
                        environments.Add(Scalar(source, name));
                    }

                    break;
                case "from":
                    from = Time(source, value);
                    break;
                case "until":
                    until = Time(source, value);
                    break;
                case "reason":
                    reason = Scalar(source, value);
                    break;
                case var other:
                    throw Error(source, keyNode, $"unknown key '{other}' in a code freeze (environments, from, until, reason).");
            }
        }

        if (from is { } start && until is { } end && end <= start)
        {
            throw Error(source, map, "a code freeze must end after it starts.");
        }

        return new CodeFreeze(environments, from, until, reason ?? "code freeze");
    }

    private static DateTimeOffset Time(string source, YamlNode node)
    {
        var text = Scalar(source, node);
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : throw Error(source, node, $"'{text}' is not a date and time such as 2025-07-08T00:00:00Z.");
    }

    private static string Scalar(string source, YamlNode node) =>
        node is YamlScalarNode { Value: { } value } ? value : throw Error(source, node, "expected a plain value.");

    private static PolicyLoadException Error(string source, YamlNode node, string message) =>
        new($"{source}:{node.Start.Line}:{node.Start.Column}: {message}");
}
