using System.Collections.Frozen;
using Gatehouse.Core.Model;

namespace Gatehouse.Core.NoSql;

/// <summary>How one Redis command (or command + subcommand) is classified.</summary>
/// <param name="KeyArgument">Which argument names the key (1 = first after the command); 0 when none does.</param>
/// <param name="EveryArgumentIsKey">DEL/UNLINK style: every argument is a key, one action each.</param>
internal sealed record RedisCommandInfo(Verb Verb, Risk Risk, string TargetKind, string RuleId, string Reason, int KeyArgument = 0, bool EveryArgumentIsKey = false, string[]? Tags = null);

/// <summary>The Redis command vocabulary: reads, writes, destructive and administrative commands.</summary>
internal static class RedisCommandTable
{
    private static readonly string[] ReadCommands =
    [
        "get", "mget", "getrange", "substr", "strlen", "hget", "hmget", "hgetall", "hkeys", "hvals", "hlen", "hexists", "hscan",
        "hrandfield", "hstrlen", "httl", "hpttl", "keys", "scan", "sscan", "zscan", "info", "ping", "echo", "ttl", "pttl",
        "expiretime", "pexpiretime", "type", "exists", "lrange", "llen", "lindex", "lpos", "smembers", "sismember",
        "smismember", "scard", "srandmember", "sinter", "sunion", "sdiff", "sintercard", "zrange", "zrangebyscore",
        "zrangebylex", "zrevrange", "zrevrangebyscore", "zrevrangebylex", "zscore", "zmscore", "zrank", "zrevrank", "zcard",
        "zcount", "zlexcount", "zrandmember", "zinter", "zunion", "zdiff", "zintercard", "dbsize", "monitor", "randomkey",
        "object", "dump", "time", "lastsave", "role", "lolwut", "command", "xrange", "xrevrange", "xread", "xlen", "xinfo",
        "xpending", "pubsub", "subscribe", "psubscribe", "ssubscribe", "unsubscribe", "punsubscribe", "sunsubscribe",
        "bitcount", "bitpos", "getbit", "pfcount", "geopos", "geodist", "geohash", "georadius_ro", "georadiusbymember_ro",
        "geosearch", "sort_ro", "auth", "select", "hello", "readonly", "readwrite", "wait", "waitaof", "quit", "reset",
        "multi", "exec", "discard", "watch", "unwatch", "lcs", "memory", "slowlog", "latency", "json.get", "json.type",
        "json.mget", "json.strlen", "json.arrlen", "json.objkeys", "ft.search", "ft.aggregate", "ft.info", "ft._list",
        "ts.get", "ts.range", "ts.mget", "ts.mrange", "ts.info", "bf.exists", "cf.exists",
    ];

    private static readonly string[] KeylessReads =
    [
        "info", "ping", "echo", "dbsize", "monitor", "randomkey", "time", "lastsave", "role", "lolwut", "command", "auth",
        "select", "hello", "readonly", "readwrite", "wait", "waitaof", "quit", "reset", "multi", "exec", "discard", "unwatch",
        "memory", "slowlog", "latency", "pubsub", "subscribe", "psubscribe", "ssubscribe", "unsubscribe", "punsubscribe",
        "sunsubscribe", "ft._list",
    ];

    private static readonly string[] WriteCommands =
    [
        "set", "setnx", "setex", "psetex", "mset", "msetnx", "append", "incr", "incrby", "incrbyfloat", "decr", "decrby",
        "getset", "getex", "setrange", "hset", "hsetnx", "hmset", "hincrby", "hincrbyfloat", "hexpire", "hpersist", "lpush",
        "rpush", "lpushx", "rpushx", "linsert", "lset", "lmove", "blmove", "rpoplpush", "brpoplpush", "sadd", "smove",
        "sinterstore", "sunionstore", "sdiffstore", "zadd", "zincrby", "zinterstore", "zunionstore", "zdiffstore",
        "zrangestore", "xadd", "xack", "xclaim", "xautoclaim", "xsetid", "pfadd", "pfmerge", "setbit", "bitop", "bitfield",
        "geoadd", "georadius", "georadiusbymember", "geosearchstore", "publish", "spublish", "sort", "touch", "copy",
        "json.set", "json.numincrby", "json.arrappend", "ts.add", "ts.create", "bf.add", "cf.add", "save", "bgsave",
        "bgrewriteaof",
    ];

    private static readonly string[] ElementRemovals =
    [
        "hdel", "srem", "zrem", "lrem", "getdel", "lpop", "rpop", "spop", "zpopmin", "zpopmax", "blpop", "brpop",
        "bzpopmin", "bzpopmax", "lmpop", "blmpop", "zmpop", "bzmpop", "json.del", "json.forget",
    ];

    private static readonly FrozenDictionary<string, RedisCommandInfo> Commands = Build();

    public static RedisCommandInfo? Find(string command) => Commands.GetValueOrDefault(command);

    private static FrozenDictionary<string, RedisCommandInfo> Build()
    {
        var table = new Dictionary<string, RedisCommandInfo>(StringComparer.Ordinal);
        foreach (var name in ReadCommands)
        {
            table[name] = new RedisCommandInfo(Verb.Read, Risk.None, "key", "redis.read", "reads data or server state", KeyArgument: 1);
        }

        foreach (var name in KeylessReads)
        {
            table[name] = new RedisCommandInfo(Verb.Read, Risk.None, "database", "redis.read", "reads server or connection state");
        }

        table["keys"] = new(Verb.Read, Risk.None, "key-pattern", "redis.read", "lists keys matching a pattern", KeyArgument: 1);
        table["scan"] = new(Verb.Read, Risk.None, "key-pattern", "redis.read", "iterates over keys");

        foreach (var name in WriteCommands)
        {
            table[name] = new RedisCommandInfo(Verb.Update, Risk.Low, "key", "redis.write", "writes a key", KeyArgument: 1);
        }

        foreach (var name in ElementRemovals)
        {
            table[name] = new RedisCommandInfo(Verb.Update, Risk.Medium, "key", "redis.remove-elements", "removes elements from a key", KeyArgument: 1);
        }

        table["flushall"] = new(Verb.Delete, Risk.Critical, "database", "redis.flushall", "FLUSHALL deletes every key in every database", Tags: [Tags.AllResources]);
        table["flushdb"] = new(Verb.Delete, Risk.Critical, "database", "redis.flushdb", "FLUSHDB deletes every key in the database", Tags: [Tags.AllResources]);
        table["shutdown"] = new(Verb.Update, Risk.Critical, "server", "redis.shutdown", "SHUTDOWN stops the server");
        table["del"] = new(Verb.Delete, Risk.High, "key", "redis.del", "deletes keys", EveryArgumentIsKey: true);
        table["unlink"] = new(Verb.Delete, Risk.High, "key", "redis.del", "deletes keys", EveryArgumentIsKey: true);
        table["ltrim"] = new(Verb.Delete, Risk.High, "key", "redis.trim", "trims a list, dropping the rest", KeyArgument: 1);
        table["xtrim"] = new(Verb.Delete, Risk.High, "key", "redis.trim", "trims a stream, dropping old entries", KeyArgument: 1);
        table["xdel"] = new(Verb.Delete, Risk.High, "key", "redis.xdel", "deletes stream entries", KeyArgument: 1);
        table["zremrangebyscore"] = new(Verb.Delete, Risk.High, "key", "redis.trim", "removes a range of sorted-set members", KeyArgument: 1);
        table["zremrangebyrank"] = new(Verb.Delete, Risk.High, "key", "redis.trim", "removes a range of sorted-set members", KeyArgument: 1);
        table["zremrangebylex"] = new(Verb.Delete, Risk.High, "key", "redis.trim", "removes a range of sorted-set members", KeyArgument: 1);
        table["expire"] = new(Verb.Update, Risk.Medium, "key", "redis.expire", "sets a key to expire", KeyArgument: 1);
        table["pexpire"] = table["expire"];
        table["expireat"] = table["expire"];
        table["pexpireat"] = table["expire"];
        table["persist"] = new(Verb.Update, Risk.Low, "key", "redis.write", "removes a key's expiry", KeyArgument: 1);
        table["rename"] = new(Verb.Update, Risk.Medium, "key", "redis.rename", "renames a key, replacing any key with the new name", KeyArgument: 1);
        table["renamenx"] = new(Verb.Update, Risk.Medium, "key", "redis.rename", "renames a key", KeyArgument: 1);
        table["move"] = new(Verb.Update, Risk.Medium, "key", "redis.move", "moves a key to another database", KeyArgument: 1);
        table["restore"] = new(Verb.Create, Risk.Medium, "key", "redis.restore", "recreates a key from a dump", KeyArgument: 1);
        table["migrate"] = new(Verb.Update, Risk.High, "key", "redis.migrate", "MIGRATE moves keys to another server and deletes them here", KeyArgument: 3);
        table["swapdb"] = new(Verb.Update, Risk.High, "database", "redis.swapdb", "SWAPDB exchanges two whole databases");
        table["debug"] = new(Verb.Update, Risk.High, "server", "redis.debug", "DEBUG can crash, reload or block the server");
        table["eval"] = new(Verb.Execute, Risk.High, "script", "redis.eval", "runs a Lua script whose effects are not visible", Tags: [Tags.Opaque]);
        table["evalsha"] = table["eval"];
        table["fcall"] = new(Verb.Execute, Risk.High, "function", "redis.fcall", "calls a server-side function whose effects are not visible", KeyArgument: 1, Tags: [Tags.Opaque]);
        table["eval_ro"] = new(Verb.Execute, Risk.Medium, "script", "redis.eval-ro", "runs a read-only Lua script", Tags: [Tags.Opaque]);
        table["evalsha_ro"] = table["eval_ro"];
        table["fcall_ro"] = new(Verb.Execute, Risk.Medium, "function", "redis.eval-ro", "calls a read-only server-side function", KeyArgument: 1, Tags: [Tags.Opaque]);
        table["slaveof"] = new(Verb.Update, Risk.Critical, "server", "redis.replicaof", "REPLICAOF replaces this server's data with the primary's");
        table["replicaof"] = table["slaveof"];
        table["failover"] = new(Verb.Update, Risk.High, "server", "redis.failover", "starts a failover");
        table["psync"] = new(Verb.Read, Risk.None, "server", "redis.read", "replication stream");
        table["sync"] = table["psync"];
        return table.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
