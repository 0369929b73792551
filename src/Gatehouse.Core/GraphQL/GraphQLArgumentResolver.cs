using System.Text.Json;

namespace Gatehouse.Core.GraphQL;

/// <summary>
/// Looks up a dotted argument path (<c>volumeId</c>, <c>input.projectId</c>) in a field's arguments,
/// following <c>$variables</c> into the request's variables JSON, then into the variable's default value.
/// </summary>
internal sealed class GraphQLArgumentResolver
{
    private readonly JsonElement? _variables;
    private readonly IReadOnlyList<GraphQLVariableDefinition> _definitions;

    public GraphQLArgumentResolver(JsonElement? variables, IReadOnlyList<GraphQLVariableDefinition> definitions)
    {
        _variables = variables;
        _definitions = definitions;
    }

    /// <summary>True when the path exists (even with a null value).</summary>
    public bool TryResolve(IReadOnlyList<KeyValuePair<string, GraphQLValue>> arguments, string path, out string? text)
    {
        text = null;
        var segments = path.Split('.');
        if (!TryFind(arguments, segments[0], out var value))
        {
            return false;
        }

        for (var i = 1; ; i++)
        {
            if (value.Kind == GraphQLValueKind.Variable)
            {
                return TryResolveVariable(value.Text!, segments, i, out text);
            }

            if (i == segments.Length)
            {
                text = Render(value);
                return true;
            }

            if (value.Kind != GraphQLValueKind.Object || !TryFind(value.Fields!, segments[i], out value))
            {
                return false;
            }
        }
    }

    private bool TryResolveVariable(string name, string[] segments, int next, out string? text)
    {
        text = null;
        if (_variables is { ValueKind: JsonValueKind.Object } variables && variables.TryGetProperty(name, out var element))
        {
            for (var i = next; i < segments.Length; i++)
            {
                if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(segments[i], out element))
                {
                    return false;
                }
            }

            text = Render(element);
            return true;
        }

        foreach (var definition in _definitions)
        {
            if (string.Equals(definition.Name, name, StringComparison.Ordinal) && definition.DefaultValue is not null)
            {
                var value = definition.DefaultValue;
                for (var i = next; i < segments.Length; i++)
                {
                    if (value.Kind != GraphQLValueKind.Object || !TryFind(value.Fields!, segments[i], out value))
                    {
                        return false;
                    }
                }

                text = Render(value);
                return true;
            }
        }

        // The value is not in the request: keep the variable's name as a visible placeholder.
        text = next == segments.Length ? "$" + name : "$" + name + "." + string.Join('.', segments, next, segments.Length - next);
        return true;
    }

    private static bool TryFind(IReadOnlyList<KeyValuePair<string, GraphQLValue>> pairs, string name, out GraphQLValue value)
    {
        foreach (var pair in pairs)
        {
            if (string.Equals(pair.Key, name, StringComparison.Ordinal))
            {
                value = pair.Value;
                return true;
            }
        }

        value = null!;
        return false;
    }

    private static string? Render(GraphQLValue value) => value.Kind switch
    {
        GraphQLValueKind.Null => null,
        GraphQLValueKind.List => "[…]",
        GraphQLValueKind.Object => "{…}",
        GraphQLValueKind.Variable => "$" + value.Text,
        _ => value.Text,
    };

    private static string? Render(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Array => "[…]",
        JsonValueKind.Object => "{…}",
        _ => null,
    };
}
