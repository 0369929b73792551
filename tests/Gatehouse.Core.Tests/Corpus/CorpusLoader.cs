using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Gatehouse.Core.Tests.Corpus;

/// <summary>Loads every corpus file copied next to the test assembly, keyed "group/topic#index" for stable test names.</summary>
internal static class CorpusLoader
{
    private static readonly Lazy<IReadOnlyDictionary<string, CorpusCase>> Cases = new(Load);

    public static string Root => System.IO.Path.Combine(AppContext.BaseDirectory, "corpus");

    public static IReadOnlyDictionary<string, CorpusCase> All => Cases.Value;

    private static Dictionary<string, CorpusCase> Load()
    {
        var deserializer = new DeserializerBuilder()
            .WithNamingConvention(CamelCaseNamingConvention.Instance)
            .Build();
        var cases = new Dictionary<string, CorpusCase>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Root, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = System.IO.Path.GetRelativePath(Root, file).Replace('\\', '/');
            var key = relative[..^".yaml".Length];
            var parsed = deserializer.Deserialize<CorpusFile>(File.ReadAllText(file))
                ?? throw new InvalidDataException($"{relative} holds no cases.");
            for (var i = 0; i < parsed.Cases.Count; i++)
            {
                cases.Add($"{key}#{i + 1}", parsed.Cases[i]);
            }
        }

        return cases;
    }
}
