using System.Collections.Frozen;

namespace Gatehouse.Core.Interpreters.Analysis;

/// <summary>Collects qualified names for one dialect's API table.</summary>
internal sealed class ApiTableBuilder
{
    private readonly Dictionary<string, ApiSpec> _entries = new(StringComparer.Ordinal);

    public ApiTableBuilder Add(ApiSpec spec, params string[] names)
    {
        foreach (var name in names)
        {
            _entries[name] = spec;
        }

        return this;
    }

    /// <summary>Adds <c>prefix.name</c> for each prefix and name.</summary>
    public ApiTableBuilder AddEach(ApiSpec spec, string[] prefixes, params string[] names)
    {
        foreach (var prefix in prefixes)
        {
            foreach (var name in names)
            {
                _entries[prefix + "." + name] = spec;
            }
        }

        return this;
    }

    /// <summary>One spec per HTTP verb: <c>prefix.get</c> is GET, and so on.</summary>
    public ApiTableBuilder AddHttpVerbs(string[] prefixes, int dataIndex, bool upperCaseNames = false)
    {
        foreach (var verb in (string[])["get", "head", "options", "delete", "post", "put", "patch"])
        {
            var method = verb.ToUpperInvariant();
            var carriesBody = verb is "post" or "put" or "patch";
            var spec = new ApiSpec(ApiKind.HttpFixed, Method: method, DataIndex: carriesBody ? dataIndex : -1);
            foreach (var prefix in prefixes)
            {
                var name = upperCaseNames ? char.ToUpperInvariant(verb[0]) + verb[1..] : verb;
                _entries[prefix + "." + name] = spec;
            }
        }

        return this;
    }

    public FrozenDictionary<string, ApiSpec> Build() => _entries.ToFrozenDictionary(StringComparer.Ordinal);
}
