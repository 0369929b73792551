using System.Text;

namespace Gatehouse.Core.Tests.Oracles;

/// <summary>One corpus document; <see cref="ExpectDepthLimit"/> marks the documented difference where graphql-js accepts and we refuse.</summary>
public sealed record GraphQLOracleCase(string Id, string Document, string? OperationName, bool ExpectDepthLimit, string? Note);

/// <summary>
/// Reads tests/oracles/graphql/corpus.txt (format described in its header). Kept as text rather than JSON lines so
/// multi-line documents stay readable and reviewable; the <c>=== json:</c> header covers characters a text file cannot show.
/// </summary>
public static class GraphQLOracleCorpus
{
    private const string Marker = "=== ";

    public static IReadOnlyList<GraphQLOracleCase> Load(string path)
    {
        var cases = new List<GraphQLOracleCase>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        Builder? current = null;
        foreach (var line in File.ReadAllLines(path))
        {
            if (line.StartsWith("=== case:", StringComparison.Ordinal))
            {
                Flush(current, cases, ids);
                current = new Builder(line["=== case:".Length..].Trim());
            }
            else if (current is null)
            {
                continue;
            }
            else if (line.StartsWith(Marker, StringComparison.Ordinal))
            {
                current.Header(line[Marker.Length..]);
            }
            else
            {
                current.Body.Add(line);
            }
        }

        Flush(current, cases, ids);
        return cases;
    }

    private static void Flush(Builder? builder, List<GraphQLOracleCase> cases, HashSet<string> ids)
    {
        if (builder is null)
        {
            return;
        }

        if (!ids.Add(builder.Id))
        {
            throw new InvalidDataException($"Corpus id '{builder.Id}' appears twice.");
        }

        cases.Add(builder.Build());
    }

    private sealed class Builder(string id)
    {
        public string Id { get; } = id;

        public List<string> Body { get; } = [];

        private string? _json;
        private string? _operationName;
        private bool _depthLimit;
        private string? _note;

        public void Header(string header)
        {
            var colon = header.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                throw new InvalidDataException($"Corpus case '{Id}': malformed header '{header}'.");
            }

            var key = header[..colon].Trim();
            var value = header[(colon + 1)..].Trim();
            switch (key)
            {
                case "operationName":
                    _operationName = value;
                    break;
                case "expect" when value == "depth-limit":
                    _depthLimit = true;
                    break;
                case "note":
                    _note = value;
                    break;
                case "json":
                    _json = AsciiJsonString.Decode(value);
                    break;
                default:
                    throw new InvalidDataException($"Corpus case '{Id}': unknown header '{header}'.");
            }
        }

        public GraphQLOracleCase Build()
        {
            var last = Body.Count;
            while (last > 0 && string.IsNullOrWhiteSpace(Body[last - 1]))
            {
                last--;
            }

            if (_json is not null && last > 0)
            {
                throw new InvalidDataException($"Corpus case '{Id}' has both a json header and a body.");
            }

            var document = _json ?? new StringBuilder().AppendJoin('\n', Body.Take(last)).ToString();
            return new GraphQLOracleCase(Id, document, _operationName, _depthLimit, _note);
        }
    }
}
