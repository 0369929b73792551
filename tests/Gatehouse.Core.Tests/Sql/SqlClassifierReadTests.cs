using Gatehouse.Core.Model;
using Gatehouse.Core.Sql;

namespace Gatehouse.Core.Tests.Sql;

public sealed class SqlClassifierReadTests
{
    [Theory]
    [InlineData("SELECT 1", "database", null)]
    [InlineData("select * from users", "table", "users")]
    [InlineData("SELECT id, name FROM public.users WHERE id = 42", "table", "public.users")]
    [InlineData("SELECT * FROM \"Users\"", "table", "Users")]
    [InlineData("SELECT * FROM Public.\"MixedCase\" u", "table", "public.MixedCase")]
    [InlineData("SELECT u.id, o.total FROM users u JOIN orders o ON o.user_id = u.id WHERE o.total > 100 ORDER BY o.total DESC LIMIT 10", "table", "users")]
    [InlineData("SELECT count(*) FROM orders WHERE created_at > now() - interval '1 day'", "table", "orders")]
    [InlineData("SELECT coalesce(lower(name), 'x'), upper(email) FROM customers", "table", "customers")]
    [InlineData("SELECT date_trunc('day', created_at) AS d, count(*) FROM events GROUP BY 1 ORDER BY 1", "table", "events")]
    [InlineData("SELECT * FROM generate_series(1, 10)", "database", null)]
    [InlineData("SELECT pg_size_pretty(pg_total_relation_size('users'))", "database", null)]
    [InlineData("SELECT version()", "database", null)]
    [InlineData("SELECT current_user, current_database(), current_setting('search_path')", "database", null)]
    [InlineData("SELECT json_build_object('a', 1), jsonb_agg(x) FROM t", "table", "t")]
    [InlineData("SELECT array_agg(id), string_agg(name, ',') FROM items", "table", "items")]
    [InlineData("SELECT x::numeric(10,2), CAST(y AS varchar(20)) FROM t", "table", "t")]
    [InlineData("SELECT * FROM t WHERE id IN (SELECT id FROM u WHERE flag)", "table", "t")]
    [InlineData("SELECT * FROM (SELECT 1) AS sub", "database", null)]
    [InlineData("SELECT EXISTS (SELECT 1 FROM users WHERE email = 'a@b.c')", "database", null)]
    [InlineData("SELECT a FROM t1 UNION ALL SELECT b FROM t2", "table", "t1")]
    [InlineData("WITH recent AS (SELECT * FROM orders WHERE created_at > now() - interval '7 days') SELECT count(*) FROM recent", "table", "recent")]
    [InlineData("WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 10) SELECT * FROM r", "table", "r")]
    [InlineData("SELECT row_number() OVER (PARTITION BY a ORDER BY b) FROM t", "table", "t")]
    [InlineData("SELECT * FROM users FOR UPDATE", "table", "users")]
    [InlineData("VALUES (1, 'a'), (2, 'b')", "database", null)]
    [InlineData("TABLE users", "table", "users")]
    [InlineData("SHOW search_path", "database", null)]
    [InlineData("SHOW TABLES", "database", null)]
    [InlineData("EXPLAIN SELECT * FROM users", "database", null)]
    [InlineData("EXPLAIN DELETE FROM users", "database", null)]
    [InlineData("EXPLAIN (FORMAT JSON) UPDATE users SET a = 1", "database", null)]
    [InlineData("EXPLAIN (ANALYZE false) DELETE FROM users", "database", null)]
    [InlineData("SELECT * FROM pg_stat_activity WHERE state = 'active'", "table", "pg_stat_activity")]
    [InlineData("SELECT nextval IS NULL FROM t", "table", "t")]
    [InlineData("SELECT 'DROP TABLE users' AS text", "database", null)]
    [InlineData("SELECT $$DELETE FROM users$$", "database", null)]
    [InlineData("SELECT * FROM users -- ; DROP TABLE users", "table", "users")]
    [InlineData("SELECT /* DROP TABLE x; */ 1", "database", null)]
    [InlineData("FETCH 10 FROM my_cursor", "database", null)]
    [InlineData("LISTEN jobs", "database", null)]
    [InlineData("SELECT pg_is_in_recovery(), pg_backend_pid()", "database", null)]
    [InlineData("SELECT has_table_privilege('users', 'select')", "database", null)]
    [InlineData("SELECT regexp_replace(name, '\\s+', ' ', 'g') FROM t", "table", "t")]
    [InlineData("SELECT to_char(now(), 'YYYY'), extract(year FROM now()), age(ts) FROM t", "table", "t")]
    [InlineData("SELECT pg_get_viewdef('v'), obj_description(oid) FROM pg_class", "table", "pg_class")]
    public void Classify_EverydayRead_YieldsReadNone(string sql, string kind, string? id)
    {
        SqlExpect.Matches(sql, SqlDialect.PostgreSql, Verb.Read, Risk.None, kind, id, "");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("-- just a comment")]
    [InlineData("/* block */ -- and line")]
    [InlineData("/* outer /* inner */ still comment */")]
    [InlineData(";;;")]
    [InlineData("BEGIN; COMMIT;")]
    [InlineData("START TRANSACTION ISOLATION LEVEL SERIALIZABLE; ROLLBACK")]
    [InlineData("SAVEPOINT a; RELEASE SAVEPOINT a; ROLLBACK TO SAVEPOINT a")]
    [InlineData("BEGIN READ ONLY; END")]
    public void Classify_NoEffect_YieldsNoActions(string sql)
    {
        SqlClassifier.Classify(sql).ShouldBeEmpty();
    }

    [Fact]
    public void Classify_TwoReads_YieldsOneActionPerStatement()
    {
        var actions = SqlClassifier.Classify("SELECT * FROM a; SELECT * FROM b;");
        actions.Select(a => a.Target.Id).ShouldBe(["a", "b"]);
        actions.ShouldAllBe(a => a.Verb == Verb.Read && a.Reversible);
    }

    [Fact]
    public void Classify_UnknownFunctionInSelect_YieldsOpaqueMediumExecute()
    {
        var actions = SqlClassifier.Classify("SELECT my_report(42) FROM t");
        var execute = actions.Single(a => a.Verb == Verb.Execute);
        execute.Risk.ShouldBe(Risk.Medium);
        execute.Target.ShouldBe(ResourceRef.Of("function", "my_report"));
        execute.HasTag(Tags.Opaque).ShouldBeTrue();
        actions.ShouldContain(a => a.Verb == Verb.Read && a.Target.Id == "t");
    }

    [Fact]
    public void Classify_UnknownDestructiveSoundingFunction_YieldsHighExecute()
    {
        SqlExpect.Matches("SELECT app.purge_old_accounts()", SqlDialect.PostgreSql, Verb.Execute, Risk.High, "function", "app.purge_old_accounts", "opaque");
    }

    [Fact]
    public void Classify_SchemaQualifiedUserFunctionNamedLikeBuiltin_IsOpaque()
    {
        var actions = SqlClassifier.Classify("SELECT evil.count(1)");
        actions.ShouldContain(a => a.Verb == Verb.Execute && a.Target.Id == "evil.count");
    }
}
