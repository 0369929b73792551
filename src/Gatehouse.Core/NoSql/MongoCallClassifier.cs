using Gatehouse.Core.Model;

namespace Gatehouse.Core.NoSql;

/// <summary>Classifies one shell call from its method name and the structure of its arguments.</summary>
internal sealed class MongoCallClassifier
{
    private readonly List<JsToken> _tokens;
    private readonly int[] _match;
    private readonly List<AgentAction> _actions;

    public MongoCallClassifier(List<JsToken> tokens, int[] match, List<AgentAction> actions)
    {
        _tokens = tokens;
        _match = match;
        _actions = actions;
    }

    public void CollectionMethod(string name, int open, int close, string? collection, bool dynamic)
    {
        if (!MongoMethodTable.CollectionMethods.TryGetValue(name, out var effect))
        {
            _actions.Add(MongoShellClassifier.Opaque("mongo.unknown-method", "unrecognized collection method " + name, parseError: false));
            return;
        }

        var tags = dynamic ? [.. effect.Tags, Tags.DynamicTarget] : effect.Tags;
        switch (name)
        {
            case "aggregate":
                Aggregate(open, close, collection, tags);
                return;
            case "deleteMany" or "remove":
                var justOne = name == "remove" && RemovesJustOne(open, close);
                if (!justOne && FirstArgumentMatchesAll(open, close))
                {
                    Add(effect, collection, "deletes every document of the collection", Risk.Critical, tags: [.. tags, Tags.AllRows]);
                    return;
                }

                break;
            case "updateMany":
                if (FirstArgumentMatchesAll(open, close))
                {
                    Add(effect, collection, "updates every document of the collection", Risk.Critical, tags: [.. tags, Tags.AllRows]);
                    return;
                }

                break;
            case "update":
                if (FirstArgumentMatchesAll(open, close) && HasIdentifierTrue(open, close, "multi"))
                {
                    Add(effect, collection, "updates every document of the collection", Risk.Critical, tags: [.. tags, Tags.AllRows]);
                    return;
                }

                break;
            case "renameCollection":
                if (Argument(open, close, 1) is var (s, e) && s < e && _tokens[s].Is("true"))
                {
                    Add(effect, collection, "renameCollection with dropTarget deletes the existing target collection", Risk.Critical, Verb.Delete, tags);
                    return;
                }

                break;
            case "bulkWrite":
                BulkWrite(effect, open, close, collection, tags);
                return;
            default:
                break;
        }

        Add(effect, collection, null, null, null, tags);
    }

    public void DbMethod(string name, int open, int close, string? database)
    {
        if (name is "runCommand" or "adminCommand")
        {
            Command(open, close, database);
            return;
        }

        if (!MongoMethodTable.DbMethods.TryGetValue(name, out var effect))
        {
            _actions.Add(MongoShellClassifier.Opaque("mongo.unknown-method", "unrecognized db method " + name, parseError: false));
            return;
        }

        if (name == "aggregate")
        {
            Aggregate(open, close, database, effect.Tags);
            return;
        }

        var id = effect.TargetKind is "database" or "server" ? database : FirstStringOrKey(open, close) ?? database;
        Add(effect, id);
    }

    public void DetachedMethod(string name, MongoEffect effect, int open, int close)
    {
        if (name is "runCommand" or "adminCommand")
        {
            Command(open, close, null);
            return;
        }

        var all = name is "deleteMany" or "remove" or "updateMany" && FirstArgumentMatchesAll(open, close);
        string[] tags = all ? [.. effect.Tags, Tags.DynamicTarget, Tags.AllRows] : [.. effect.Tags, Tags.DynamicTarget];
        Add(effect, null, null, all ? Risk.Critical : null, null, tags);
    }

    private void Add(MongoEffect effect, string? id, string? reason = null, Risk? risk = null, Verb? verb = null, string[]? tags = null)
    {
        _actions.Add(MongoShellClassifier.Action(effect, id, reason, risk, verb, tags));
    }

    private void Aggregate(int open, int close, string? target, string[] tags)
    {
        for (var i = open + 1; i < close; i++)
        {
            var token = _tokens[i];
            if (token.Kind is not (JsTokenKind.Identifier or JsTokenKind.String))
            {
                continue;
            }

            if (token.Text == "$out")
            {
                var effect = new MongoEffect(Verb.Create, Risk.High, "collection", "mongo.aggregate-out", "$out creates or replaces the output collection", tags);
                Add(effect, OutputCollection(i, close));
                return;
            }

            if (token.Text == "$merge")
            {
                var effect = new MongoEffect(Verb.Update, Risk.Medium, "collection", "mongo.aggregate-merge", "$merge writes results into another collection", tags);
                Add(effect, OutputCollection(i, close));
                return;
            }
        }

        Add(new MongoEffect(Verb.Read, Risk.None, "collection", "mongo.read", "runs an aggregation pipeline", tags), target);
    }

    private string? OutputCollection(int stage, int close)
    {
        var value = stage + 2;
        return value < close && _tokens[stage + 1].Is(":") && _tokens[value].Kind == JsTokenKind.String ? _tokens[value].Text : null;
    }

    private void BulkWrite(MongoEffect effect, int open, int close, string? collection, string[] tags)
    {
        var deletes = false;
        var updates = false;
        for (var i = open + 1; i < close; i++)
        {
            var text = _tokens[i].Text;
            deletes |= _tokens[i].Kind is JsTokenKind.Identifier or JsTokenKind.String && text is "deleteOne" or "deleteMany";
            updates |= _tokens[i].Kind is JsTokenKind.Identifier or JsTokenKind.String && text is "updateOne" or "updateMany" or "replaceOne";
        }

        if (deletes)
        {
            Add(effect, collection, "bulkWrite deletes documents", Risk.High, Verb.Delete, tags);
        }
        else if (updates)
        {
            Add(effect, collection, "bulkWrite changes existing documents", Risk.High, Verb.Update, tags);
        }
        else
        {
            Add(effect, collection, "bulkWrite inserts documents", Risk.Low, Verb.Create, tags);
        }
    }

    private void Command(int open, int close, string? database)
    {
        var first = open + 1;
        string? command = null;
        string? value = null;
        if (first < close && _tokens[first].Kind == JsTokenKind.String)
        {
            command = _tokens[first].Text;
        }
        else if (first < close && _tokens[first].Is("{") && first + 1 < close && _tokens[first + 1].Kind is JsTokenKind.Identifier or JsTokenKind.String)
        {
            command = _tokens[first + 1].Text;
            if (first + 3 < close && _tokens[first + 2].Is(":") && _tokens[first + 3].Kind == JsTokenKind.String)
            {
                value = _tokens[first + 3].Text;
            }
        }

        if (command is null || !MongoMethodTable.Commands.TryGetValue(command, out var effect))
        {
            _actions.Add(MongoShellClassifier.Opaque("mongo.unknown-command", "unrecognized or computed database command", parseError: false));
            return;
        }

        var id = effect.TargetKind == "collection" && value is not null ? database is null ? value : database + "." + value
            : effect.TargetKind is "user" ? value : database;
        if (string.Equals(command, "delete", StringComparison.OrdinalIgnoreCase) && DeletesEverything(open, close))
        {
            Add(effect, id, "the delete command's query is empty", Risk.Critical, tags: [Tags.AllRows]);
            return;
        }

        if (string.Equals(command, "aggregate", StringComparison.OrdinalIgnoreCase))
        {
            Aggregate(open, close, id, effect.Tags);
            return;
        }

        if (string.Equals(command, "renameCollection", StringComparison.OrdinalIgnoreCase) && HasIdentifierTrue(open, close, "dropTarget"))
        {
            Add(effect, id, "renameCollection with dropTarget deletes the existing target collection", Risk.Critical, Verb.Delete);
            return;
        }

        Add(effect, id);
    }

    /// <summary>{delete: "c", deletes: [{q: {}, limit: 0}]}: an empty query without limit 1 removes every document.</summary>
    private bool DeletesEverything(int open, int close)
    {
        var limitOne = false;
        var emptyQuery = false;
        for (var i = open + 1; i + 2 < close; i++)
        {
            if (_tokens[i].Kind is JsTokenKind.Identifier or JsTokenKind.String && _tokens[i + 1].Is(":"))
            {
                if (_tokens[i].Text == "q" && IsEmptyDocument(i + 2, Next(i + 2)))
                {
                    emptyQuery = true;
                }

                limitOne |= _tokens[i].Text == "limit" && _tokens[i + 2].Text == "1";
            }
        }

        return emptyQuery && !limitOne;
    }

    private int Next(int i) => _match[i] > i ? _match[i] + 1 : i + 1;

    private (int Start, int End)? Argument(int open, int close, int index)
    {
        var start = open + 1;
        var current = 0;
        for (var i = start; i < close; i = Next(i))
        {
            if (_tokens[i].Is(","))
            {
                if (current == index)
                {
                    return (start, i);
                }

                current++;
                start = i + 1;
            }
        }

        return current == index ? (start, close) : null;
    }

    /// <summary>True when the filter argument selects every document: missing, {}, or {_id: {$exists: true}}.</summary>
    private bool FirstArgumentMatchesAll(int open, int close)
    {
        if (Argument(open, close, 0) is not var (start, end))
        {
            return true;
        }

        return start >= end || IsEmptyDocument(start, end);
    }

    private bool IsEmptyDocument(int start, int end)
    {
        if (end - start == 2 && _tokens[start].Is("{") && _tokens[start + 1].Is("}"))
        {
            return true;
        }

        // { _id: { $exists: true } } — every document has an _id.
        if (end - start == 9 && _tokens[start].Is("{") && _tokens[end - 1].Is("}")
            && _tokens[start + 1].Text == "_id" && _tokens[start + 2].Is(":") && _tokens[start + 3].Is("{")
            && _tokens[start + 4].Text == "$exists" && _tokens[start + 5].Is(":")
            && (_tokens[start + 6].Is("true") || _tokens[start + 6].Text == "1") && _tokens[start + 7].Is("}"))
        {
            return true;
        }

        return false;
    }

    private bool RemovesJustOne(int open, int close)
    {
        if (Argument(open, close, 1) is not var (start, end) || start >= end)
        {
            return false;
        }

        return _tokens[start].Is("true") || (_tokens[start].Text == "1" && end - start == 1) || HasIdentifierTrue(start - 1, end, "justOne");
    }

    private bool HasIdentifierTrue(int open, int close, string name)
    {
        for (var i = open + 1; i + 2 < close + 1 && i + 2 < _tokens.Count; i++)
        {
            if (_tokens[i].Text == name && _tokens[i + 1].Is(":") && (_tokens[i + 2].Is("true") || _tokens[i + 2].Text == "1"))
            {
                return true;
            }
        }

        return false;
    }

    private string? FirstStringOrKey(int open, int close)
    {
        var first = open + 1;
        if (first >= close)
        {
            return null;
        }

        if (_tokens[first].Kind == JsTokenKind.String)
        {
            return _tokens[first].Text;
        }

        // createUser({user: "x", …}) / createRole({role: "x", …})
        for (var i = first; i + 2 < close; i++)
        {
            if (_tokens[i].Text is "user" or "role" or "createUser" or "createRole" && _tokens[i + 1].Is(":") && _tokens[i + 2].Kind == JsTokenKind.String)
            {
                return _tokens[i + 2].Text;
            }
        }

        return null;
    }
}
