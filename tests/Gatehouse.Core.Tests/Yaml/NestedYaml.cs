using System.Text;

namespace Gatehouse.Core.Tests.Yaml;

/// <summary>Hostile YAML: documents nested far deeper than any real configuration, in each nesting style.</summary>
internal static class NestedYaml
{
    public const string FlowSequences = "flow sequences";
    public const string FlowMappings = "flow mappings";
    public const string BlockMappings = "block mappings";

    /// <summary>A document whose value under <paramref name="key"/> nests <paramref name="depth"/> levels in <paramref name="shape"/>.</summary>
    public static string Under(string key, string shape, int depth) => shape switch
    {
        FlowSequences => key + ": " + new string('[', depth) + new string(']', depth) + "\n",
        FlowMappings => key + ": " + Repeat("{a: ", depth) + "x" + new string('}', depth) + "\n",
        BlockMappings => key + ":\n" + Block(depth),
        _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, "unknown nesting shape"),
    };

    /// <summary>Each level one space further in: the least text a block mapping needs per level.</summary>
    private static string Block(int depth)
    {
        var builder = new StringBuilder(depth * (depth / 2 + 4));
        for (var level = 1; level <= depth; level++)
        {
            builder.Append(' ', level).Append(level == depth ? "a: x\n" : "a:\n");
        }

        return builder.ToString();
    }

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    public static string WriteTemp(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"gh-nested-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, text);
        return path;
    }
}
