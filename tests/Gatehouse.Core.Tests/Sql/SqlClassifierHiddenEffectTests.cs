using Gatehouse.Core.Model;
using Gatehouse.Core.Sql;

namespace Gatehouse.Core.Tests.Sql;

public sealed class SqlClassifierHiddenEffectTests
{
    [Theory]
    [InlineData("SELECT 1; DROP TABLE t", Verb.Delete, Risk.Critical, "table", "t", "")]
    [InlineData("BEGIN READ ONLY; COMMIT; DROP TABLE users; --", Verb.Delete, Risk.Critical, "table", "users", "")]
    [InlineData("WITH d AS (DELETE FROM users RETURNING *) SELECT * FROM d", Verb.Delete, Risk.Critical, "table", "users", "all-rows")]
    [InlineData("WITH d AS (DELETE FROM users WHERE id = 1 RETURNING *) SELECT count(*) FROM d", Verb.Delete, Risk.High, "table", "users", "")]
    [InlineData("WITH a AS (SELECT 1), u AS MATERIALIZED (UPDATE t SET x = 1 RETURNING *) SELECT * FROM u", Verb.Update, Risk.Critical, "table", "t", "all-rows")]
    [InlineData("WITH moved AS (DELETE FROM queue WHERE done RETURNING *) INSERT INTO archive SELECT * FROM moved", Verb.Delete, Risk.High, "table", "queue", "")]
    [InlineData("SELECT * FROM (SELECT 1) s WHERE EXISTS (SELECT 1 FROM (VALUES (1)) v)", Verb.Read, Risk.None, "database", null, "")]
    [InlineData("EXPLAIN ANALYZE DELETE FROM users", Verb.Delete, Risk.Critical, "table", "users", "all-rows")]
    [InlineData("EXPLAIN ANALYSE VERBOSE UPDATE t SET a = 1 WHERE id = 2", Verb.Update, Risk.High, "table", "t", "")]
    [InlineData("EXPLAIN (ANALYZE, BUFFERS) DELETE FROM users", Verb.Delete, Risk.Critical, "table", "users", "all-rows")]
    [InlineData("EXPLAIN (ANALYZE true) DROP TABLE x", Verb.Delete, Risk.Critical, "table", "x", "")]
    [InlineData("SELECT * INTO new_users FROM users", Verb.Create, Risk.Medium, "table", "new_users", "")]
    [InlineData("SELECT id INTO TEMP TABLE t2 FROM t", Verb.Create, Risk.Medium, "table", "t2", "")]
    [InlineData("PREPARE p AS DELETE FROM users; EXECUTE p", Verb.Delete, Risk.Critical, "table", "users", "all-rows")]
    [InlineData("PREPARE p (int) AS DELETE FROM users WHERE id = $1; EXECUTE p(5)", Verb.Delete, Risk.High, "table", "users", "")]
    [InlineData("EXECUTE unknown_stmt", Verb.Execute, Risk.High, "prepared-statement", "unknown_stmt", "opaque")]
    [InlineData("COPY (DELETE FROM users RETURNING *) TO STDOUT", Verb.Delete, Risk.Critical, "table", "users", "all-rows")]
    [InlineData("COPY (SELECT * FROM users) TO STDOUT WITH CSV", Verb.Read, Risk.None, "database", null, "")]
    [InlineData("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'prod'", Verb.Update, Risk.High, "function", "pg_terminate_backend", "")]
    [InlineData("SELECT pg_catalog.pg_cancel_backend(123)", Verb.Update, Risk.High, "function", "pg_cancel_backend", "")]
    [InlineData("SELECT lo_unlink(16403)", Verb.Delete, Risk.High, "function", "lo_unlink", "")]
    [InlineData("SELECT lo_import('/etc/passwd')", Verb.Read, Risk.High, "function", "lo_import", "credential-access,server-file-read")]
    [InlineData("SELECT lo_export(16403, '/tmp/x')", Verb.Create, Risk.High, "function", "lo_export", "server-file-write")]
    [InlineData("SELECT pg_drop_replication_slot('standby1')", Verb.Delete, Risk.High, "function", "pg_drop_replication_slot", "")]
    [InlineData("SELECT pg_reload_conf()", Verb.Update, Risk.High, "function", "pg_reload_conf", "")]
    [InlineData("SELECT pg_promote()", Verb.Update, Risk.Critical, "function", "pg_promote", "")]
    [InlineData("SELECT pg_rotate_logfile()", Verb.Update, Risk.Low, "function", "pg_rotate_logfile", "")]
    [InlineData("SELECT dblink_exec('host=prod', 'UPDATE accounts SET balance = 0')", Verb.Update, Risk.Critical, "table", "accounts", "all-rows,embedded-sql")]
    [InlineData("SELECT * FROM dblink('host=prod', 'SELECT 1') AS t(x int)", Verb.Execute, Risk.High, "function", "dblink", "opaque,remote")]
    [InlineData("SELECT setval('users_id_seq', 1)", Verb.Update, Risk.Medium, "function", "setval", "")]
    [InlineData("SELECT nextval('users_id_seq')", Verb.Update, Risk.Low, "function", "nextval", "")]
    [InlineData("SELECT pg_read_file('/etc/passwd')", Verb.Read, Risk.High, "function", "pg_read_file", "credential-access")]
    [InlineData("SELECT pg_read_binary_file('global/pg_control')", Verb.Read, Risk.High, "function", "pg_read_binary_file", "credential-access")]
    [InlineData("SELECT pg_ls_dir('.')", Verb.List, Risk.High, "function", "pg_ls_dir", "credential-access")]
    [InlineData("SELECT pg_file_write('/tmp/x', 'data', false)", Verb.Update, Risk.High, "function", "pg_file_write", "server-file-write")]
    [InlineData("SELECT query_to_xml('DROP TABLE users', true, false, '')", Verb.Delete, Risk.Critical, "table", "users", "embedded-sql")]
    [InlineData("SELECT id FROM t WHERE id = (SELECT pg_terminate_backend(1))", Verb.Update, Risk.High, "function", "pg_terminate_backend", "")]
    [InlineData("WITH x AS (SELECT set_config('role', 'postgres', false)) SELECT * FROM x", Verb.Update, Risk.High, "session", "role", "session-escape")]
    [InlineData("SELECT set_config('default_transaction_read_only', 'off', false)", Verb.Update, Risk.High, "session", "default_transaction_read_only", "session-escape")]
    [InlineData("SELECT set_config(name, 'x', false) FROM t", Verb.Update, Risk.High, "session", null, "opaque,session-escape")]
    [InlineData("SELECT set_config('application_name', 'x', false)", Verb.Update, Risk.Low, "session", "application_name", "")]
    [InlineData("SET ROLE postgres", Verb.Update, Risk.High, "session", "role", "session-escape")]
    [InlineData("SET LOCAL ROLE admin", Verb.Update, Risk.High, "session", "role", "session-escape")]
    [InlineData("SET SESSION AUTHORIZATION 'postgres'", Verb.Update, Risk.High, "session", "role", "session-escape")]
    [InlineData("RESET ROLE", Verb.Update, Risk.High, "session", "role", "session-escape")]
    [InlineData("RESET ALL", Verb.Update, Risk.High, "session", "all", "session-escape")]
    [InlineData("RESET SESSION AUTHORIZATION", Verb.Update, Risk.High, "session", "session", "session-escape")]
    [InlineData("DISCARD ALL", Verb.Update, Risk.High, "session", "all", "session-escape")]
    [InlineData("SET default_transaction_read_only = off", Verb.Update, Risk.High, "session", "default_transaction_read_only", "session-escape")]
    [InlineData("SET default_transaction_read_only TO false", Verb.Update, Risk.High, "session", "default_transaction_read_only", "session-escape")]
    [InlineData("SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE", Verb.Update, Risk.High, "session", "transaction_read_only", "session-escape")]
    [InlineData("BEGIN READ WRITE", Verb.Update, Risk.High, "session", "transaction_read_only", "session-escape")]
    [InlineData("SET default_transaction_read_only = on", Verb.Update, Risk.Low, "session", "default_transaction_read_only", "")]
    [InlineData("SET statement_timeout = '5s'", Verb.Update, Risk.Low, "session", "statement_timeout", "")]
    [InlineData("SET search_path TO app, public", Verb.Update, Risk.Low, "session", "search_path", "")]
    [InlineData("RESET statement_timeout", Verb.Update, Risk.Low, "session", "statement_timeout", "")]
    [InlineData("DO $$ BEGIN EXECUTE 'DR' || 'OP TABLE users'; END $$", Verb.Execute, Risk.High, "code", null, "opaque")]
    [InlineData("DO $$ BEGIN DROP TABLE users; END $$", Verb.Delete, Risk.Critical, "table", "users", "embedded-sql")]
    [InlineData("DO LANGUAGE plpgsql $body$ BEGIN IF true THEN TRUNCATE logs; END IF; END $body$", Verb.Delete, Risk.Critical, "table", "logs", "all-rows,embedded-sql")]
    [InlineData("CALL cleanup_all()", Verb.Execute, Risk.High, "procedure", "cleanup_all", "opaque")]
    [InlineData("LOAD 'auto_explain'", Verb.Execute, Risk.High, "library", "auto_explain", "opaque")]
    [InlineData("DECLARE c CURSOR FOR DELETE FROM t RETURNING *", Verb.Delete, Risk.Critical, "table", "t", "all-rows")]
    [InlineData("NOTIFY jobs", Verb.Update, Risk.Low, "channel", "jobs", "")]
    [InlineData("CHECKPOINT", Verb.Update, Risk.Low, "server", null, "")]
    [InlineData("PREPARE x AS DROP TABLE t; DEALLOCATE x; EXECUTE x", Verb.Execute, Risk.High, "prepared-statement", "x", "opaque")]
    [InlineData("DO $x$ BEGIN EXECUTE format('DROP TABLE %I', 't'); END $x$", Verb.Delete, Risk.Critical, "table", null, "embedded-sql")]
    [InlineData("DO $$ BEGIN EXECUTE 'TRUNCATE ' || r.t; END $$", Verb.Delete, Risk.Critical, "table", null, "all-rows,embedded-sql")]
    [InlineData("SET session_replication_role = replica", Verb.Update, Risk.High, "session", "session_replication_role", "session-escape")]
    [InlineData("SET session_replication_role = origin", Verb.Update, Risk.Low, "session", "session_replication_role", "")]
    [InlineData("SET row_security = off", Verb.Update, Risk.High, "session", "row_security", "session-escape")]
    [InlineData("SET standard_conforming_strings = off", Verb.Update, Risk.High, "session", "standard_conforming_strings", "session-escape")]
    [InlineData("SELECT * FROM crosstab('DELETE FROM t RETURNING 1, 2, 3') AS ct(a int, b int, c int)", Verb.Delete, Risk.Critical, "table", "t", "all-rows,embedded-sql")]
    [InlineData("SELECT * FROM t TABLESAMPLE SYSTEM (10)", Verb.Read, Risk.None, "table", "t", "")]
    [InlineData("SELECT * FROM (WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d) s", Verb.Delete, Risk.Critical, "table", "t", "all-rows")]
    [InlineData("INSERT INTO t WITH d AS (DELETE FROM u RETURNING *) SELECT * FROM d", Verb.Delete, Risk.Critical, "table", "u", "all-rows")]
    [InlineData("CREATE TABLE x AS WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d", Verb.Delete, Risk.Critical, "table", "t", "all-rows")]
    [InlineData("VALUES (pg_terminate_backend(1))", Verb.Update, Risk.High, "function", "pg_terminate_backend", "")]
    [InlineData("SELECT array(SELECT lo_unlink(oid) FROM pg_largeobject_metadata)", Verb.Delete, Risk.Critical, "function", "lo_unlink", "all-rows")]
    [InlineData("SELECT \"pg_terminate_backend\"(1)", Verb.Update, Risk.High, "function", "pg_terminate_backend", "")]
    public void Classify_HiddenEffect_IsFound(string sql, Verb verb, Risk risk, string kind, string? id, string tags)
    {
        SqlExpect.Matches(sql, SqlDialect.PostgreSql, verb, risk, kind, id, tags);
    }

    [Fact]
    public void Classify_PrepareWithoutExecute_OnlyRecordsThePreparation()
    {
        var action = SqlClassifier.Classify("PREPARE p AS DELETE FROM users").Single();
        action.Verb.ShouldBe(Verb.Read);
        action.Target.ShouldBe(ResourceRef.Of("prepared-statement", "p"));
    }

    [Fact]
    public void Classify_ExecutePreparedTwice_ReportsEffectsForEachExecution()
    {
        var actions = SqlClassifier.Classify("PREPARE p AS TRUNCATE t; EXECUTE p; EXECUTE p;");
        actions.Count(a => a.RuleId == "sql.truncate").ShouldBe(2);
    }

    [Fact]
    public void Classify_DataModifyingCte_DoesNotHideTheRead()
    {
        var actions = SqlClassifier.Classify("WITH d AS (DELETE FROM users WHERE id = 1 RETURNING *) SELECT * FROM d");
        actions.ShouldContain(a => a.Verb == Verb.Delete && a.Target.Id == "users");
        actions.ShouldContain(a => a.Verb == Verb.Read);
    }

    [Fact]
    public void Classify_TerminateBackendOverActivity_AlsoReportsTheRead()
    {
        var actions = SqlClassifier.Classify("SELECT pg_terminate_backend(pid) FROM pg_stat_activity");
        actions.Count.ShouldBe(2);
        actions.ShouldContain(a => a.Verb == Verb.Read && a.Target.Id == "pg_stat_activity");
    }
}
