using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Gatehouse.Core.Tests.Oracles;

/// <summary>One corpus entry: SQL checked against PostgreSQL's parser.</summary>
public sealed class SqlOracleEntry
{
    public string Id { get; set; } = "";

    public string Note { get; set; } = "";

    public string Sql { get; set; } = "";

    /// <summary>"rejects" marks a deliberately kept non-PostgreSQL form the oracle must refuse.</summary>
    public string? Oracle { get; set; }
}

internal sealed class SqlOracleCorpusFile
{
    public List<SqlOracleEntry> Entries { get; set; } = [];
}

/// <summary>Loads tests/oracles/sql-corpus.yaml straight from the repository (found from the test assembly upwards).</summary>
internal static class SqlOracleCorpus
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);
    private static readonly Lazy<IReadOnlyList<SqlOracleEntry>> Loaded = new(Load);

    public static string RepositoryRoot => Root.Value;

    public static string OracleDirectory => Path.Combine(RepositoryRoot, "tests", "oracles");

    public static IReadOnlyList<SqlOracleEntry> Entries => Loaded.Value;

    public static IEnumerable<object[]> Ids() => Entries.Select(e => new object[] { e.Id });

    public static SqlOracleEntry Get(string id) => Entries.Single(e => string.Equals(e.Id, id, StringComparison.Ordinal));

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Gatehouse.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no Gatehouse.slnx above {AppContext.BaseDirectory}: the oracle tests run from a repository checkout");
    }

    private static List<SqlOracleEntry> Load()
    {
        var path = Path.Combine(OracleDirectory, "sql-corpus.yaml");
        var deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();
        var file = deserializer.Deserialize<SqlOracleCorpusFile>(File.ReadAllText(path))
            ?? throw new InvalidDataException($"{path} holds no entries");
        var duplicate = file.Entries.GroupBy(e => e.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidDataException($"{path}: duplicate id {duplicate.Key}");
        }

        return file.Entries;
    }
}
