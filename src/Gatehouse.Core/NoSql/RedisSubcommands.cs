using Gatehouse.Core.Model;

namespace Gatehouse.Core.NoSql;

internal readonly record struct RedisEffect(Verb Verb, Risk Risk, string TargetKind, string? Target, string RuleId, string Reason, string[] Tags);

/// <summary>Container commands whose effect depends on the subcommand: CONFIG, CLIENT, SCRIPT, FUNCTION, ACL…</summary>
internal static class RedisSubcommands
{
    private static readonly string[] NoTags = [];

    public static bool TryClassify(string command, string sub, IReadOnlyList<string> arguments, out RedisEffect effect)
    {
        var argument = arguments.Count > 2 ? arguments[2] : null;
        effect = command switch
        {
            "config" => Config(sub, argument),
            "client" => Client(sub),
            "script" => Script(sub),
            "function" => Function(sub, argument),
            "acl" => Acl(sub, argument),
            "module" => Module(sub, argument),
            "cluster" => Cluster(sub),
            "xgroup" => XGroup(sub, argument),
            "slowlog" or "latency" or "memory" when sub is "reset" or "purge" =>
                new(Verb.Update, Risk.Low, "server", null, "redis.reset-stats", "resets diagnostics", NoTags),
            "replicaof" or "slaveof" when sub == "no" =>
                new(Verb.Update, Risk.High, "server", null, "redis.replicaof-no-one", "promotes this replica to a primary", NoTags),
            "shutdown" when sub == "abort" =>
                new(Verb.Update, Risk.Low, "server", null, "redis.shutdown-abort", "cancels a pending shutdown", NoTags),
            _ => default,
        };
        return effect.RuleId is not null;
    }

    private static RedisEffect Config(string sub, string? argument) => sub switch
    {
        "get" => new(Verb.Read, Risk.None, "server", argument, "redis.read", "reads server configuration", NoTags),
        "resetstat" => new(Verb.Update, Risk.Low, "server", null, "redis.reset-stats", "resets server statistics", NoTags),
        "rewrite" => new(Verb.Update, Risk.High, "server", null, "redis.config-rewrite", "rewrites the server configuration file", NoTags),
        _ => new(Verb.Update, Risk.High, "server", argument, "redis.config-set", "CONFIG SET changes live server configuration (persistence, directories, limits)", NoTags),
    };

    private static RedisEffect Client(string sub) => sub switch
    {
        "kill" => new(Verb.Update, Risk.High, "connection", null, "redis.client-kill", "CLIENT KILL disconnects other clients", NoTags),
        "pause" => new(Verb.Update, Risk.High, "server", null, "redis.client-pause", "CLIENT PAUSE stops every client", NoTags),
        "list" or "info" or "getname" or "id" or "getredir" or "trackinginfo" =>
            new(Verb.Read, Risk.None, "connection", null, "redis.read", "reads client connections", NoTags),
        _ => new(Verb.Update, Risk.Low, "connection", null, "redis.client-setting", "changes this connection's settings", NoTags),
    };

    private static RedisEffect Script(string sub) => sub switch
    {
        "flush" => new(Verb.Delete, Risk.High, "script", null, "redis.script-flush", "SCRIPT FLUSH removes every cached script", NoTags),
        "kill" => new(Verb.Update, Risk.High, "script", null, "redis.script-kill", "kills the running script", NoTags),
        "exists" => new(Verb.Read, Risk.None, "script", null, "redis.read", "checks the script cache", NoTags),
        "load" => new(Verb.Create, Risk.Medium, "script", null, "redis.script-load", "loads a Lua script into the cache", NoTags),
        _ => new(Verb.Unknown, Risk.High, "script", null, "redis.unknown-command", "unrecognized SCRIPT subcommand", [Tags.Opaque]),
    };

    private static RedisEffect Function(string sub, string? argument) => sub switch
    {
        "flush" => new(Verb.Delete, Risk.High, "function", null, "redis.function-flush", "FUNCTION FLUSH removes every server-side function", NoTags),
        "delete" => new(Verb.Delete, Risk.High, "function", argument, "redis.function-delete", "deletes a function library", NoTags),
        "restore" => new(Verb.Update, Risk.High, "function", null, "redis.function-restore", "replaces function libraries from a dump", NoTags),
        "kill" => new(Verb.Update, Risk.High, "function", null, "redis.function-kill", "kills the running function", NoTags),
        "load" => new(Verb.Create, Risk.Medium, "function", null, "redis.function-load", "loads server-side code", NoTags),
        "list" or "dump" or "stats" => new(Verb.Read, Risk.None, "function", null, "redis.read", "reads function libraries", NoTags),
        _ => new(Verb.Unknown, Risk.High, "function", null, "redis.unknown-command", "unrecognized FUNCTION subcommand", [Tags.Opaque]),
    };

    private static RedisEffect Acl(string sub, string? argument) => sub switch
    {
        "setuser" => new(Verb.Grant, Risk.High, "user", argument, "redis.acl-setuser", "creates or changes a user's permissions", NoTags),
        "deluser" => new(Verb.Delete, Risk.High, "user", argument, "redis.acl-deluser", "deletes users", NoTags),
        "load" => new(Verb.Update, Risk.High, "user", null, "redis.acl-load", "replaces every user from the ACL file", NoTags),
        "save" => new(Verb.Update, Risk.Low, "user", null, "redis.acl-save", "writes the ACL file", NoTags),
        "genpass" or "list" or "users" or "getuser" or "cat" or "whoami" or "log" or "dryrun" =>
            new(Verb.Read, Risk.None, "user", argument, "redis.read", "reads access-control state", NoTags),
        _ => new(Verb.Unknown, Risk.High, "user", null, "redis.unknown-command", "unrecognized ACL subcommand", [Tags.Opaque]),
    };

    private static RedisEffect Module(string sub, string? argument) => sub switch
    {
        "list" => new(Verb.Read, Risk.None, "module", null, "redis.read", "lists modules", NoTags),
        "unload" => new(Verb.Delete, Risk.High, "module", argument, "redis.module-unload", "unloads a module", NoTags),
        _ => new(Verb.Execute, Risk.High, "module", argument, "redis.module-load", "loads native code into the server", [Tags.Opaque]),
    };

    private static RedisEffect Cluster(string sub) => sub switch
    {
        "info" or "nodes" or "slots" or "shards" or "keyslot" or "myid" or "myshardid" or "countkeysinslot" or "getkeysinslot" or "links" or "replicas" or "slaves" or "count-failure-reports" =>
            new(Verb.Read, Risk.None, "cluster", null, "redis.read", "reads cluster state", NoTags),
        "reset" or "flushslots" => new(Verb.Update, Risk.Critical, "cluster", null, "redis.cluster-reset", "resets the node's cluster state and slots", NoTags),
        _ => new(Verb.Update, Risk.High, "cluster", null, "redis.cluster-change", "changes cluster topology or slot ownership", NoTags),
    };

    private static RedisEffect XGroup(string sub, string? argument) => sub switch
    {
        "destroy" => new(Verb.Delete, Risk.High, "key", argument, "redis.xgroup-destroy", "destroys a consumer group and its pending entries", NoTags),
        "delconsumer" => new(Verb.Delete, Risk.Medium, "key", argument, "redis.xgroup-delconsumer", "removes a consumer and its pending entries", NoTags),
        _ => new(Verb.Update, Risk.Low, "key", argument, "redis.write", "changes a consumer group", NoTags),
    };
}
