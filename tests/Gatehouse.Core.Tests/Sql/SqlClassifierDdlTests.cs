using Gatehouse.Core.Model;
using Gatehouse.Core.Sql;

namespace Gatehouse.Core.Tests.Sql;

public sealed class SqlClassifierDdlTests
{
    [Theory]
    [InlineData("DROP TABLE users", Verb.Delete, Risk.Critical, "table", "users", "")]
    [InlineData("drop table if exists public.users", Verb.Delete, Risk.Critical, "table", "public.users", "")]
    [InlineData("DROP TABLE \"Users\" CASCADE", Verb.Delete, Risk.Critical, "table", "Users", "cascade")]
    [InlineData("DROP DATABASE production", Verb.Delete, Risk.Critical, "database", "production", "")]
    [InlineData("DROP DATABASE IF EXISTS prod WITH (FORCE)", Verb.Delete, Risk.Critical, "database", "prod", "force")]
    [InlineData("DROP SCHEMA app CASCADE", Verb.Delete, Risk.Critical, "schema", "app", "cascade")]
    [InlineData("DROP VIEW report_v", Verb.Delete, Risk.High, "view", "report_v", "")]
    [InlineData("DROP MATERIALIZED VIEW mv", Verb.Delete, Risk.High, "materialized-view", "mv", "")]
    [InlineData("DROP INDEX CONCURRENTLY IF EXISTS idx_users_email", Verb.Delete, Risk.High, "index", "idx_users_email", "")]
    [InlineData("DROP SEQUENCE user_id_seq", Verb.Delete, Risk.High, "sequence", "user_id_seq", "")]
    [InlineData("DROP FUNCTION calc(int, text)", Verb.Delete, Risk.High, "function", "calc", "")]
    [InlineData("DROP ROLE analyst", Verb.Delete, Risk.Critical, "role", "analyst", "")]
    [InlineData("DROP USER bob", Verb.Delete, Risk.Critical, "user", "bob", "")]
    [InlineData("DROP EXTENSION postgis CASCADE", Verb.Delete, Risk.Critical, "extension", "postgis", "cascade")]
    [InlineData("DROP EXTENSION pg_trgm", Verb.Delete, Risk.High, "extension", "pg_trgm", "")]
    [InlineData("DROP TYPE mood", Verb.Delete, Risk.High, "type", "mood", "")]
    [InlineData("DROP TRIGGER audit_trg ON orders", Verb.Delete, Risk.High, "trigger", "orders.audit_trg", "")]
    [InlineData("DROP POLICY tenant_isolation ON docs", Verb.Delete, Risk.High, "policy", "docs.tenant_isolation", "")]
    [InlineData("DROP TABLESPACE fast", Verb.Delete, Risk.Critical, "tablespace", "fast", "")]
    [InlineData("DROP OWNED BY app_user", Verb.Delete, Risk.Critical, "role", "app_user", "")]
    [InlineData("DROP OWNED BY app_user CASCADE", Verb.Delete, Risk.Critical, "role", "app_user", "cascade")]
    [InlineData("DROP/**/TABLE users", Verb.Delete, Risk.Critical, "table", "users", "")]
    [InlineData("DROP -- comment\nTABLE users", Verb.Delete, Risk.Critical, "table", "users", "")]
    [InlineData("DrOp TaBlE UsErS", Verb.Delete, Risk.Critical, "table", "users", "")]
    [InlineData("TRUNCATE users", Verb.Delete, Risk.Critical, "table", "users", "all-rows")]
    [InlineData("TRUNCATE TABLE ONLY users RESTART IDENTITY", Verb.Delete, Risk.Critical, "table", "users", "all-rows")]
    [InlineData("TRUNCATE users CASCADE", Verb.Delete, Risk.Critical, "table", "users", "all-rows,cascade")]
    [InlineData("ALTER TABLE users DROP COLUMN email", Verb.Delete, Risk.Critical, "column", "users.email", "")]
    [InlineData("ALTER TABLE users DROP email", Verb.Delete, Risk.Critical, "column", "users.email", "")]
    [InlineData("ALTER TABLE IF EXISTS ONLY users DROP COLUMN IF EXISTS email CASCADE", Verb.Delete, Risk.Critical, "column", "users.email", "cascade")]
    [InlineData("ALTER TABLE users ALTER COLUMN age TYPE text", Verb.Update, Risk.High, "column", "users.age", "lock-heavy")]
    [InlineData("ALTER TABLE users ALTER age SET DATA TYPE bigint USING age::bigint", Verb.Update, Risk.High, "column", "users.age", "lock-heavy")]
    [InlineData("ALTER TABLE users ALTER COLUMN email DROP NOT NULL", Verb.Update, Risk.Medium, "column", "users.email", "")]
    [InlineData("ALTER TABLE measurements DETACH PARTITION m2020", Verb.Update, Risk.High, "table", "measurements", "")]
    [InlineData("ALTER TABLE events SET UNLOGGED", Verb.Update, Risk.High, "table", "events", "")]
    [InlineData("ALTER TABLE orders DISABLE TRIGGER ALL", Verb.Update, Risk.High, "table", "orders", "security-downgrade")]
    [InlineData("ALTER TABLE docs DISABLE ROW LEVEL SECURITY", Verb.Update, Risk.High, "table", "docs", "security-downgrade")]
    [InlineData("ALTER TABLE docs NO FORCE ROW LEVEL SECURITY", Verb.Update, Risk.High, "table", "docs", "security-downgrade")]
    [InlineData("ALTER TABLE users RENAME TO customers", Verb.Update, Risk.High, "table", "users", "")]
    [InlineData("ALTER TABLE users RENAME COLUMN a TO b", Verb.Update, Risk.High, "column", "users.a", "")]
    [InlineData("ALTER TABLE users OWNER TO mallory", Verb.Grant, Risk.High, "table", "users", "")]
    [InlineData("ALTER TABLE users ADD COLUMN nickname text", Verb.Update, Risk.Medium, "table", "users", "")]
    [InlineData("ALTER TABLE users ADD CONSTRAINT u_email UNIQUE (email)", Verb.Update, Risk.Medium, "table", "users", "")]
    [InlineData("ALTER TABLE users DROP CONSTRAINT u_email", Verb.Update, Risk.High, "table", "users", "")]
    [InlineData("ALTER TABLE ONLY public.t DROP CONSTRAINT t_pkey CASCADE", Verb.Update, Risk.Critical, "table", "public.t", "cascade")]
    [InlineData("ALTER TABLE users ADD COLUMN x int, DROP COLUMN y", Verb.Delete, Risk.Critical, "column", "users.y", "")]
    [InlineData("ALTER SYSTEM SET max_connections = 10", Verb.Update, Risk.Critical, "server", null, "")]
    [InlineData("ALTER ROLE app SUPERUSER", Verb.Grant, Risk.High, "role", "app", "")]
    [InlineData("ALTER ROLE app WITH NOSUPERUSER", Verb.Revoke, Risk.High, "role", "app", "")]
    [InlineData("ALTER USER app WITH PASSWORD 'secret'", Verb.Update, Risk.High, "role", "app", "")]
    [InlineData("ALTER DATABASE prod RENAME TO old", Verb.Update, Risk.High, "database", "prod", "")]
    [InlineData("ALTER SCHEMA app OWNER TO eve", Verb.Grant, Risk.High, "schema", "app", "")]
    [InlineData("ALTER INDEX idx RENAME TO idx2", Verb.Update, Risk.High, "index", "idx", "")]
    [InlineData("ALTER SEQUENCE s RESTART WITH 1", Verb.Update, Risk.Medium, "sequence", "s", "")]
    [InlineData("ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO public", Verb.Grant, Risk.High, "schema", null, "")]
    [InlineData("CREATE TABLE t (id int PRIMARY KEY, name text NOT NULL)", Verb.Create, Risk.Low, "table", "t", "")]
    [InlineData("CREATE TABLE IF NOT EXISTS app.t (id serial, price numeric(10, 2) DEFAULT 0)", Verb.Create, Risk.Low, "table", "app.t", "")]
    [InlineData("CREATE TEMP TABLE scratch AS SELECT * FROM users", Verb.Create, Risk.Medium, "table", "scratch", "")]
    [InlineData("CREATE INDEX idx_users_email ON users (email)", Verb.Create, Risk.Medium, "index", "idx_users_email", "lock-heavy")]
    [InlineData("CREATE UNIQUE INDEX ON users (lower(email))", Verb.Create, Risk.Medium, "index", "users", "lock-heavy")]
    [InlineData("CREATE INDEX CONCURRENTLY idx_a ON t (a)", Verb.Create, Risk.Low, "index", "idx_a", "")]
    [InlineData("CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_a ON t USING btree (a)", Verb.Create, Risk.Low, "index", "idx_a", "")]
    [InlineData("CREATE VIEW v AS SELECT * FROM t", Verb.Create, Risk.Low, "view", "v", "")]
    [InlineData("CREATE OR REPLACE VIEW v AS SELECT 1", Verb.Update, Risk.Low, "view", "v", "")]
    [InlineData("CREATE MATERIALIZED VIEW mv AS SELECT count(*) FROM t", Verb.Create, Risk.Medium, "materialized-view", "mv", "")]
    [InlineData("CREATE SCHEMA reporting", Verb.Create, Risk.Medium, "schema", "reporting", "")]
    [InlineData("CREATE DATABASE scratch", Verb.Create, Risk.Medium, "database", "scratch", "")]
    [InlineData("CREATE EXTENSION IF NOT EXISTS pg_trgm", Verb.Create, Risk.Medium, "extension", "pg_trgm", "")]
    [InlineData("CREATE ROLE reader LOGIN PASSWORD 'x'", Verb.Create, Risk.Medium, "role", "reader", "")]
    [InlineData("CREATE ROLE admin2 WITH SUPERUSER LOGIN", Verb.Grant, Risk.High, "role", "admin2", "")]
    [InlineData("CREATE USER repl REPLICATION", Verb.Grant, Risk.High, "role", "repl", "")]
    [InlineData("CREATE FUNCTION add(a int, b int) RETURNS int AS $$ SELECT a + b $$ LANGUAGE sql", Verb.Create, Risk.Medium, "function", "add", "")]
    [InlineData("CREATE OR REPLACE FUNCTION f() RETURNS void AS $body$ BEGIN DELETE FROM t; END $body$ LANGUAGE plpgsql", Verb.Update, Risk.Medium, "function", "f", "")]
    [InlineData("CREATE FUNCTION sh(text) RETURNS text AS $$ import os $$ LANGUAGE plpython3u", Verb.Execute, Risk.High, "function", "sh", "opaque")]
    [InlineData("CREATE RULE r AS ON SELECT TO t DO INSTEAD DELETE FROM u", Verb.Create, Risk.High, "rule", "r", "opaque")]
    [InlineData("CREATE TRIGGER trg AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION f()", Verb.Create, Risk.Medium, "trigger", "trg", "")]
    [InlineData("GRANT SELECT ON users TO analyst", Verb.Grant, Risk.High, "table", "users", "")]
    [InlineData("GRANT ALL PRIVILEGES ON DATABASE prod TO app", Verb.Grant, Risk.High, "database", "prod", "")]
    [InlineData("GRANT ALL ON ALL TABLES IN SCHEMA public TO app", Verb.Grant, Risk.High, "schema", "public", "")]
    [InlineData("GRANT admin TO mallory", Verb.Grant, Risk.High, "role", "admin", "")]
    [InlineData("REVOKE INSERT ON TABLE orders FROM app", Verb.Revoke, Risk.High, "table", "orders", "")]
    [InlineData("REASSIGN OWNED BY old_role TO new_role", Verb.Grant, Risk.High, "role", "old_role", "")]
    [InlineData("COMMENT ON TABLE t IS 'users'", Verb.Update, Risk.Low, "database", null, "")]
    [InlineData("REFRESH MATERIALIZED VIEW CONCURRENTLY mv", Verb.Update, Risk.Low, "materialized-view", "mv", "")]
    [InlineData("VACUUM FULL users", Verb.Update, Risk.High, "table", "users", "lock-heavy")]
    [InlineData("VACUUM (FULL, ANALYZE) users", Verb.Update, Risk.High, "table", "users", "lock-heavy")]
    [InlineData("VACUUM ANALYZE users", Verb.Update, Risk.Low, "table", "users", "")]
    [InlineData("CLUSTER users USING users_pkey", Verb.Update, Risk.High, "table", "users", "lock-heavy")]
    [InlineData("REINDEX TABLE users", Verb.Update, Risk.High, "index", "users", "lock-heavy")]
    [InlineData("REINDEX INDEX CONCURRENTLY idx", Verb.Update, Risk.Low, "index", "idx", "")]
    [InlineData("LOCK TABLE users IN ACCESS EXCLUSIVE MODE", Verb.Update, Risk.High, "table", "users", "lock-heavy")]
    [InlineData("ANALYZE users", Verb.Update, Risk.Low, "table", "users", "")]
    public void Classify_SchemaChange_MatchesExpectation(string sql, Verb verb, Risk risk, string kind, string? id, string tags)
    {
        SqlExpect.Matches(sql, SqlDialect.PostgreSql, verb, risk, kind, id, tags);
    }

    [Fact]
    public void Classify_DropSeveralTables_YieldsOneActionPerTable()
    {
        var actions = SqlClassifier.Classify("DROP TABLE a, s.b, \"C\" CASCADE");
        actions.Select(a => a.Target.Id).ShouldBe(["a", "s.b", "C"]);
        actions.ShouldAllBe(a => a.Verb == Verb.Delete && a.Risk == Risk.Critical && a.RuleId == "sql.drop-table" && !a.Reversible);
        actions.ShouldAllBe(a => a.HasTag(Tags.Cascade));
    }

    [Fact]
    public void Classify_TruncateSeveralTables_YieldsOneActionPerTable()
    {
        SqlClassifier.Classify("TRUNCATE a, b").Select(a => a.Target.Id).ShouldBe(["a", "b"]);
    }

    [Fact]
    public void Classify_DropFunctionsWithArguments_SkipsArgumentLists()
    {
        SqlClassifier.Classify("DROP FUNCTION f(int, text), g(uuid)").Select(a => a.Target.Id).ShouldBe(["f", "g"]);
    }

    [Fact]
    public void Classify_DropTable_UsesStableRuleId()
    {
        SqlClassifier.Classify("DROP TABLE t").Single().RuleId.ShouldBe("sql.drop-table");
    }
}
