using Gatehouse.Core.Model;

namespace Gatehouse.Core.NoSql;

/// <summary>
/// Classifies mongo shell scripts: every <c>db.coll.method(…)</c>, <c>db.getCollection('x').method(…)</c>,
/// <c>db.getSiblingDB('d')…</c>, <c>db[expr]…</c> chain, db methods and runCommand/adminCommand documents.
/// Filters are judged structurally: an empty document (or one only on <c>_id: {$exists: true}</c>) reaches every document.
/// </summary>
public static class MongoShellClassifier
{
    private const string Tool = "mongo";
    private const int MaxInputLength = 1 << 20;

    /// <summary>Never throws; a script that cannot be tokenized, or holds no recognizable call, is opaque.</summary>
    public static IReadOnlyList<AgentAction> Classify(string script)
    {
        if (string.IsNullOrWhiteSpace(script))
        {
            return [];
        }

        if (script.Length > MaxInputLength)
        {
            return [Opaque("mongo.input-too-large", "the script is larger than 1 MiB and was not analyzed", parseError: true)];
        }

        var tokens = JsTokenizer.Tokenize(script);
        if (tokens.Error is not null)
        {
            return [Opaque("mongo.parse-error", "could not parse the script: " + tokens.Error, parseError: true)];
        }

        if (tokens.Tokens.Count == 0)
        {
            return [];
        }

        var walker = new MongoScriptWalker(tokens);
        var actions = walker.Walk();
        if (actions.Count == 0)
        {
            actions.Add(Opaque("mongo.unrecognized", "no database call could be recognized in the script", parseError: false));
        }

        return actions;
    }

    internal static AgentAction Action(MongoEffect effect, string? id, string? reasonOverride = null, Risk? risk = null, Verb? verb = null, string[]? tags = null)
    {
        var finalVerb = verb ?? effect.Verb;
        var finalRisk = risk ?? effect.Risk;
        return new AgentAction
        {
            Verb = finalVerb,
            Target = ResourceRef.Of(effect.TargetKind, id),
            Tool = Tool,
            Reversible = finalVerb is Verb.Read or Verb.List or Verb.Create || (finalVerb == Verb.Update && finalRisk <= Risk.Medium),
            Risk = finalRisk,
            Path = Tool,
            RuleId = effect.RuleId,
            Reason = reasonOverride ?? effect.Reason,
            Tags = tags ?? effect.Tags,
        };
    }

    internal static AgentAction Opaque(string ruleId, string reason, bool parseError) => new()
    {
        Verb = Verb.Unknown,
        Target = ResourceRef.Of("database"),
        Tool = Tool,
        Reversible = false,
        Risk = Risk.High,
        Path = Tool,
        RuleId = ruleId,
        Reason = reason,
        Tags = parseError ? [Tags.Opaque, Tags.ParseError] : [Tags.Opaque],
    };
}
