using System.Collections.Immutable;
using System.Text;

namespace Gatehouse.Cedar.Tests.Oracle;

/// <summary>A `when`/`unless` clause as Cedar text.</summary>
internal sealed record GeneratedCondition(bool Unless, string Expression);

/// <summary>A policy built by the generator: effect, the three scope constraints as Cedar text, conditions.</summary>
internal sealed record GeneratedPolicy(
    bool Forbid, string Principal, string Action, string Resource, ImmutableArray<GeneratedCondition> Conditions, string? Annotation)
{
    public string ToCedar()
    {
        var text = new StringBuilder();
        if (Annotation is not null)
        {
            text.Append(Annotation).Append('\n');
        }

        text.Append(Forbid ? "forbid" : "permit").Append(" (\n  ").Append(Principal).Append(",\n  ").Append(Action)
            .Append(",\n  ").Append(Resource).Append("\n)");
        foreach (var condition in Conditions)
        {
            text.Append('\n').Append(condition.Unless ? "unless" : "when").Append(" { ").Append(condition.Expression).Append(" }");
        }

        return text.Append(';').ToString();
    }
}

/// <summary>A JSON attribute, context entry or tag: a key and its value as JSON text.</summary>
internal sealed record GeneratedValue(string Key, string Json);

/// <summary>An entity in Cedar's JSON entity format, kept as parts so the shrinker can drop them one by one.</summary>
internal sealed record GeneratedEntity(
    GeneratedUid Uid, ImmutableArray<GeneratedValue> Attributes, ImmutableArray<GeneratedUid> Parents, ImmutableArray<GeneratedValue> Tags)
{
    public void AppendJson(StringBuilder json)
    {
        json.Append("{\"uid\":").Append(Uid.ToJson()).Append(",\"attrs\":");
        GeneratedCase.AppendObject(json, Attributes);
        json.Append(",\"parents\":[");
        for (var i = 0; i < Parents.Length; i++)
        {
            json.Append(i == 0 ? "" : ",").Append(Parents[i].ToJson());
        }

        json.Append(']');
        if (!Tags.IsEmpty)
        {
            json.Append(",\"tags\":");
            GeneratedCase.AppendObject(json, Tags);
        }

        json.Append('}');
    }
}

/// <summary>An entity reference: type path and id.</summary>
internal sealed record GeneratedUid(string Type, string Id)
{
    public string ToCedar() => Type + "::" + CedarText.Quote(Id);

    public string ToJson() => "{\"type\":" + CedarText.JsonQuote(Type) + ",\"id\":" + CedarText.JsonQuote(Id) + "}";
}

/// <summary>
/// A generated authorization case in parts (policies, entities, request) so a disagreement can be shrunk by
/// dropping parts; <see cref="ToCase"/> renders the texts both engines read.
/// </summary>
internal sealed record GeneratedCase(
    string Name,
    ImmutableArray<GeneratedPolicy> Policies,
    ImmutableArray<GeneratedEntity> Entities,
    GeneratedUid Principal,
    GeneratedUid Action,
    GeneratedUid Resource,
    ImmutableArray<GeneratedValue> Context)
{
    public DifferentialCase ToCase()
    {
        var policies = new StringBuilder();
        foreach (var policy in Policies)
        {
            policies.Append(policy.ToCedar()).Append("\n\n");
        }

        var entities = new StringBuilder("[");
        for (var i = 0; i < Entities.Length; i++)
        {
            entities.Append(i == 0 ? "\n  " : ",\n  ");
            Entities[i].AppendJson(entities);
        }

        entities.Append(Entities.IsEmpty ? "]" : "\n]");

        var request = new StringBuilder();
        request.Append("{\"principal\":").Append(Principal.ToJson())
            .Append(",\"action\":").Append(Action.ToJson())
            .Append(",\"resource\":").Append(Resource.ToJson())
            .Append(",\"context\":");
        AppendObject(request, Context);
        request.Append('}');
        return new DifferentialCase(Name, policies.ToString(), entities.ToString(), request.ToString());
    }

    internal static void AppendObject(StringBuilder json, ImmutableArray<GeneratedValue> values)
    {
        json.Append('{');
        for (var i = 0; i < values.Length; i++)
        {
            json.Append(i == 0 ? "" : ",").Append(CedarText.JsonQuote(values[i].Key)).Append(':').Append(values[i].Json);
        }

        json.Append('}');
    }
}
