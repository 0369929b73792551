using System.Text;
using Gatehouse.Core.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Gatehouse.Core.PolicyTools;

/// <summary>
/// Reads the YAML files the policy tools consume (test suites, corpus files) with the same guards
/// everywhere: a size limit, strict UTF-8, bounded nesting checked before the tree is built, and
/// errors that start with file:line:column.
/// </summary>
internal static class YamlInput
{
    public const int MaxChars = 8 * 1024 * 1024;

    private const int MaxDepth = 32;

    public static string ReadFile(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > MaxChars * 4L)
            {
                throw new PolicyTestFormatException($"{path}: the file is larger than {MaxChars} characters.");
            }

            return File.ReadAllText(path, StrictUtf8.Encoding);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or DecoderFallbackException or ArgumentException or NotSupportedException)
        {
            throw new PolicyTestFormatException($"{path}: cannot read: {exception.Message}", exception);
        }
    }

    /// <summary>Parses one document; an empty file is an empty mapping.</summary>
    public static YamlNode Parse(string text, string source)
    {
        if (text.Length > MaxChars)
        {
            throw new PolicyTestFormatException($"{source}: the document is larger than {MaxChars} characters.");
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(DepthLimitingParser.Over(text, MaxDepth, "a test suite or corpus file"));
        }
        catch (YamlNestingException exception)
        {
            throw new PolicyTestFormatException($"{source}:{exception.Start.Line}:{exception.Start.Column}: {exception.Message}", exception);
        }
        catch (YamlException exception)
        {
            throw new PolicyTestFormatException($"{source}:{exception.Start.Line}:{exception.Start.Column}: invalid YAML: {exception.Message}", exception);
        }

        return stream.Documents.Count == 0 ? new YamlMappingNode() : stream.Documents[0].RootNode;
    }

    /// <summary>Writes a node back as a YAML document (an inline inventory is handed to the inventory reader as text).</summary>
    public static string Write(YamlNode node)
    {
        var writer = new StringWriter();
        new YamlStream(new YamlDocument(node)).Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    public static PolicyTestFormatException Error(string source, YamlNode node, string message) =>
        new($"{source}:{node.Start.Line}:{node.Start.Column}: {message}");

    public static string Scalar(string source, YamlNode node, string what) =>
        node is YamlScalarNode { Value: { } value } ? value : throw Error(source, node, $"{what} must be a plain value.");

    public static YamlMappingNode Mapping(string source, YamlNode node, string what) =>
        node as YamlMappingNode ?? throw Error(source, node, $"{what} must be a mapping.");

    public static List<string> Strings(string source, YamlNode node, string what)
    {
        if (node is YamlScalarNode scalar)
        {
            return [Scalar(source, scalar, what)];
        }

        if (node is not YamlSequenceNode list)
        {
            throw Error(source, node, $"{what} must be a list of plain values.");
        }

        var values = new List<string>(list.Children.Count);
        foreach (var item in list)
        {
            values.Add(Scalar(source, item, what));
        }

        return values;
    }
}
