using Gatehouse.Core.Model;

namespace Gatehouse.Core.NoSql;

/// <summary>Shell globals beyond db: replica-set and sharding helpers, host-reaching helpers, harmless printing.</summary>
internal static class MongoShellHelpers
{
    private static readonly string[] ReadOnlyClusterHelpers =
    [
        "status", "conf", "config", "printReplicationInfo", "printSecondaryReplicationInfo", "isMaster", "hello", "help",
        "getBalancerState", "isBalancerRunning", "printShardingStatus", "getShardedDataDistribution", "debug",
    ];

    private static readonly string[] HarmlessCalls =
    [
        "print", "printjson", "printjsononeline", "quit", "exit", "help", "version", "sleep", "cls", "ObjectId", "ISODate",
        "Date", "NumberLong", "NumberInt", "NumberDecimal", "UUID", "Timestamp", "BinData", "tojson", "toArray", "forEach",
        "map", "log", "stringify", "parse", "String", "Number", "Boolean", "keys", "push", "now", "hostname", "pwd",
        "getHostName", "it", "pretty",
    ];

    public static AgentAction ClusterHelper(string helper, string method)
    {
        var kind = helper == "rs" ? "replica-set" : "cluster";
        if (Array.IndexOf(ReadOnlyClusterHelpers, method) >= 0)
        {
            return MongoShellClassifier.Action(new MongoEffect(Verb.Read, Risk.None, kind, "mongo.read", "reads replication or sharding state", []), null);
        }

        return MongoShellClassifier.Action(new MongoEffect(Verb.Update, Risk.High, kind, "mongo.topology", helper + "." + method + " changes replication or sharding topology", []), null);
    }

    public static AgentAction HostHelper(string helper, string? argument)
    {
        var reason = helper == "load" ? "runs a script file whose content is not visible" : helper + " reaches the host running the shell";
        return MongoShellClassifier.Action(new MongoEffect(Verb.Execute, Risk.High, helper == "load" ? "file" : "program", "mongo.host-helper", reason, [Tags.Opaque]), argument);
    }

    /// <summary>True when every call in the script is a known printing or value-building helper.</summary>
    public static bool OnlyHarmlessCalls(List<JsToken> tokens)
    {
        var sawCall = false;
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (tokens[i].Kind == JsTokenKind.Identifier && tokens[i + 1].Is("("))
            {
                sawCall = true;
                if (Array.IndexOf(HarmlessCalls, tokens[i].Text) < 0)
                {
                    return false;
                }
            }
        }

        return sawCall || tokens.Count is > 0 and <= 2 && tokens[0].Kind == JsTokenKind.Identifier && Array.IndexOf(HarmlessCalls, tokens[0].Text) >= 0;
    }
}
