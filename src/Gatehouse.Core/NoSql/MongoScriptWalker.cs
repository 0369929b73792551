using Gatehouse.Core.Model;

namespace Gatehouse.Core.NoSql;

/// <summary>Finds the call chains of one tokenized mongo shell script and classifies each call.</summary>
internal sealed class MongoScriptWalker
{
    private const int MaxNameSegments = 32;
    private readonly List<JsToken> _tokens;
    private readonly int[] _match;
    private readonly List<AgentAction> _actions = [];
    private readonly HashSet<int> _classifiedCalls = [];
    private string? _database;

    public MongoScriptWalker(JsTokens tokens)
    {
        _tokens = tokens.Tokens;
        _match = tokens.Match;
    }

    public List<AgentAction> Walk()
    {
        for (var i = 0; i < _tokens.Count; i++)
        {
            var token = _tokens[i];
            if (token.Kind != JsTokenKind.Identifier || (i > 0 && _tokens[i - 1].Is(".")))
            {
                continue;
            }

            switch (token.Text)
            {
                case "db":
                    WalkChain(i);
                    break;
                case "rs" or "sh" when i + 3 < _tokens.Count && _tokens[i + 1].Is(".") && _tokens[i + 2].Kind == JsTokenKind.Identifier && _tokens[i + 3].Is("("):
                    _classifiedCalls.Add(i + 3);
                    _actions.Add(MongoShellHelpers.ClusterHelper(token.Text, _tokens[i + 2].Text));
                    break;
                case "load" or "runProgram" or "run" or "_runMongoProgram" or "runMongoProgram" or "startMongoProgram" or "removeFile" or "writeFile"
                    when i + 1 < _tokens.Count && _tokens[i + 1].Is("("):
                    _actions.Add(MongoShellHelpers.HostHelper(token.Text, i + 2 < _tokens.Count && _tokens[i + 2].Kind == JsTokenKind.String ? _tokens[i + 2].Text : null));
                    break;
                case "use" when i + 1 < _tokens.Count && _tokens[i + 1].Kind == JsTokenKind.Identifier:
                    _database = _tokens[i + 1].Text;
                    _actions.Add(MongoShellClassifier.Action(new MongoEffect(Verb.Read, Risk.None, "database", "mongo.use", "switches the current database", []), _database));
                    break;
                case "show" when i + 1 < _tokens.Count && _tokens[i + 1].Kind == JsTokenKind.Identifier && (i + 2 >= _tokens.Count || !_tokens[i + 2].Is("(")):
                    _actions.Add(MongoShellClassifier.Action(new MongoEffect(Verb.List, Risk.None, "database", "mongo.show", "lists databases, collections or users", []), _database));
                    break;
                default:
                    break;
            }
        }

        CatchDetachedCalls();
        if (_actions.Count == 0 && MongoShellHelpers.OnlyHarmlessCalls(_tokens))
        {
            _actions.Add(MongoShellClassifier.Action(new MongoEffect(Verb.Read, Risk.None, "database", "mongo.shell-helper", "only prints or builds values in the shell", []), _database));
        }

        return _actions;
    }

    private void WalkChain(int start)
    {
        var database = _database;
        string? collection = null;
        var dynamic = false;
        var segments = 0;
        var k = start + 1;
        while (k < _tokens.Count)
        {
            if (_tokens[k].Is("[") && _match[k] > k)
            {
                if (++segments > MaxNameSegments)
                {
                    _actions.Add(MongoShellClassifier.Opaque("mongo.parse-error", "collection name too long to follow", parseError: true));
                    return;
                }

                var literal = _match[k] == k + 2 && _tokens[k + 1].Kind == JsTokenKind.String ? _tokens[k + 1].Text : null;
                dynamic |= literal is null;
                collection = collection is null ? literal : literal is null ? null : collection + "." + literal;
                k = _match[k] + 1;
                continue;
            }

            if (!_tokens[k].Is(".") || k + 1 >= _tokens.Count || _tokens[k + 1].Kind != JsTokenKind.Identifier)
            {
                return;
            }

            var name = _tokens[k + 1].Text;
            var open = k + 2;
            if (open >= _tokens.Count || !_tokens[open].Is("(") || _match[open] < open)
            {
                // A property: the collection name, or a dotted sub-collection (db.system.users, db.fs.files).
                if (++segments > MaxNameSegments)
                {
                    _actions.Add(MongoShellClassifier.Opaque("mongo.parse-error", "collection name too long to follow", parseError: true));
                    return;
                }

                collection = collection is null && !dynamic ? name : dynamic ? null : collection + "." + name;
                k += 2;
                continue;
            }

            var close = _match[open];
            var hasCollection = collection is not null || dynamic;
            if (!hasCollection && name is "getSiblingDB" or "getDB")
            {
                database = FirstString(open, close);
                k = close + 1;
                continue;
            }

            if (!hasCollection && name == "getCollection")
            {
                collection = FirstString(open, close);
                dynamic |= collection is null;
                k = close + 1;
                continue;
            }

            _classifiedCalls.Add(open);
            if (hasCollection)
            {
                var id = dynamic ? null : database is null ? collection : database + "." + collection;
                new MongoCallClassifier(_tokens, _match, _actions).CollectionMethod(name, open, close, id, dynamic);
            }
            else
            {
                new MongoCallClassifier(_tokens, _match, _actions).DbMethod(name, open, close, database);
            }

            return;
        }
    }

    private string? FirstString(int open, int close) =>
        close == open + 2 && _tokens[open + 1].Kind == JsTokenKind.String ? _tokens[open + 1].Text : null;

    /// <summary>
    /// Destructive methods called on a receiver that is not a visible db chain (a variable holding a
    /// collection, a forEach callback parameter) are still reported, with an unknown target.
    /// </summary>
    private void CatchDetachedCalls()
    {
        for (var i = 1; i + 2 < _tokens.Count; i++)
        {
            if (!_tokens[i - 1].Is(".") || _tokens[i].Kind != JsTokenKind.Identifier || !_tokens[i + 1].Is("(") || _classifiedCalls.Contains(i + 1))
            {
                continue;
            }

            var name = _tokens[i].Text;
            var effect = MongoMethodTable.CollectionMethods.GetValueOrDefault(name) ?? MongoMethodTable.DbMethods.GetValueOrDefault(name);
            if (effect is null || effect.Risk < Risk.High)
            {
                continue;
            }

            var close = _match[i + 1];
            if (close < 0)
            {
                continue;
            }

            new MongoCallClassifier(_tokens, _match, _actions).DetachedMethod(name, effect, i + 1, close);
        }
    }
}
