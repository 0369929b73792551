using Gatehouse.Core.Model;
using Gatehouse.Core.Sql;

namespace Gatehouse.Core.Tests.Sql;

public sealed class SqlClassifierDialectTests
{
    [Theory]
    [InlineData("DROP DATABASE shop", Verb.Delete, Risk.Critical, "database", "shop", "")]
    [InlineData("DROP SCHEMA IF EXISTS `Shop`", Verb.Delete, Risk.Critical, "schema", "Shop", "")]
    [InlineData("DROP TEMPORARY TABLE tmp_x", Verb.Delete, Risk.Medium, "table", "tmp_x", "")]
    [InlineData("DROP INDEX idx_a ON orders", Verb.Delete, Risk.High, "index", "orders.idx_a", "")]
    [InlineData("SELECT * FROM `orders` WHERE `status` = \"open\"", Verb.Read, Risk.None, "table", "orders", "")]
    [InlineData("SELECT 1 # DROP TABLE t", Verb.Read, Risk.None, "database", null, "")]
    [InlineData("/*!50000 DROP TABLE t */", Verb.Delete, Risk.Critical, "table", "t", "")]
    [InlineData("SELECT 1; /*! DROP TABLE users */;", Verb.Delete, Risk.Critical, "table", "users", "")]
    [InlineData("SELECT 'it\\'s; DROP TABLE x' FROM t", Verb.Read, Risk.None, "table", "t", "")]
    [InlineData("SET sql_safe_updates = 0", Verb.Update, Risk.High, "session", "sql_safe_updates", "session-escape")]
    [InlineData("SET SESSION sql_safe_updates=OFF", Verb.Update, Risk.High, "session", "sql_safe_updates", "session-escape")]
    [InlineData("SET @@session.sql_safe_updates = 0", Verb.Update, Risk.High, "session", "sql_safe_updates", "session-escape")]
    [InlineData("SET GLOBAL read_only = OFF", Verb.Update, Risk.High, "session", "read_only", "session-escape")]
    [InlineData("SET GLOBAL max_connections = 10", Verb.Update, Risk.High, "server", "max_connections", "")]
    [InlineData("SET PERSIST max_connections = 10", Verb.Update, Risk.Critical, "server", "max_connections", "")]
    [InlineData("SET NAMES utf8mb4", Verb.Update, Risk.Low, "session", "names", "")]
    [InlineData("LOAD DATA INFILE '/tmp/x.csv' INTO TABLE t", Verb.Create, Risk.Medium, "table", "t", "server-file-read")]
    [InlineData("LOAD DATA LOCAL INFILE 'x.csv' REPLACE INTO TABLE t", Verb.Update, Risk.High, "table", "t", "")]
    [InlineData("SELECT * FROM users INTO OUTFILE '/var/lib/mysql-files/u.csv'", Verb.Read, Risk.Medium, "file", "/var/lib/mysql-files/u.csv", "server-file-write")]
    [InlineData("SELECT id INTO @x FROM t LIMIT 1", Verb.Read, Risk.None, "table", "t", "")]
    [InlineData("SELECT LOAD_FILE('/etc/passwd')", Verb.Read, Risk.High, "function", "load_file", "credential-access")]
    [InlineData("RENAME TABLE users TO users_old, users_new TO users", Verb.Update, Risk.High, "table", "users", "")]
    [InlineData("ALTER TABLE users DROP email", Verb.Delete, Risk.Critical, "column", "users.email", "")]
    [InlineData("ALTER TABLE users DROP INDEX idx_email", Verb.Update, Risk.High, "table", "users", "")]
    [InlineData("ALTER TABLE t DROP FOREIGN KEY fk_user", Verb.Update, Risk.High, "table", "t", "")]
    [InlineData("ALTER TABLE users MODIFY COLUMN age VARCHAR(10)", Verb.Update, Risk.High, "column", "users.age", "lock-heavy")]
    [InlineData("ALTER TABLE logs DROP PARTITION p2020", Verb.Delete, Risk.Critical, "table", "logs", "all-rows")]
    [InlineData("ALTER TABLE logs TRUNCATE PARTITION p2020", Verb.Delete, Risk.Critical, "table", "logs", "all-rows")]
    [InlineData("DELETE FROM users", Verb.Delete, Risk.Critical, "table", "users", "all-rows")]
    [InlineData("DELETE FROM users ORDER BY id LIMIT 100", Verb.Delete, Risk.High, "table", "users", "")]
    [InlineData("DELETE LOW_PRIORITY FROM users WHERE id = 1", Verb.Delete, Risk.High, "table", "users", "")]
    [InlineData("DELETE t1 FROM t1 JOIN t2 ON t1.id = t2.id", Verb.Delete, Risk.Critical, "table", "t1", "all-rows")]
    [InlineData("UPDATE users SET a = 1 WHERE 1", Verb.Update, Risk.Critical, "table", "users", "all-rows")]
    [InlineData("INSERT INTO t (a) VALUES (1) ON DUPLICATE KEY UPDATE a = VALUES(a)", Verb.Update, Risk.High, "table", "t", "")]
    [InlineData("REPLACE INTO t VALUES (1)", Verb.Update, Risk.High, "table", "t", "")]
    [InlineData("INSERT IGNORE INTO t VALUES (1)", Verb.Create, Risk.Low, "table", "t", "")]
    [InlineData("TRUNCATE TABLE `orders`", Verb.Delete, Risk.Critical, "table", "orders", "all-rows")]
    [InlineData("GRANT ALL ON *.* TO 'x'@'%'", Verb.Grant, Risk.High, "database", "*", "")]
    [InlineData("SHOW DATABASES", Verb.Read, Risk.None, "database", null, "")]
    [InlineData("DESCRIBE users", Verb.Read, Risk.None, "table", "users", "")]
    [InlineData("USE shop", Verb.Read, Risk.None, "database", "shop", "")]
    [InlineData("USE prod\nDROP TABLE t", Verb.Delete, Risk.Critical, "table", "t", "")]
    [InlineData("USE `prod`; DROP TABLE t", Verb.Delete, Risk.Critical, "table", "t", "")]
    [InlineData("\\u prod\nDROP TABLE x", Verb.Delete, Risk.Critical, "table", "x", "")]
    [InlineData("system ls; DROP TABLE t", Verb.Delete, Risk.Critical, "table", "t", "")]
    [InlineData("KILL 42", Verb.Update, Risk.High, "session", null, "")]
    [InlineData("SHUTDOWN", Verb.Update, Risk.Critical, "server", null, "")]
    [InlineData("PURGE BINARY LOGS BEFORE '2026-01-01'", Verb.Delete, Risk.Critical, "binary-logs", null, "destroys-backups")]
    [InlineData("RESET MASTER", Verb.Delete, Risk.Critical, "binary-logs", null, "destroys-backups")]
    [InlineData("OPTIMIZE TABLE orders", Verb.Update, Risk.High, "table", "orders", "lock-heavy")]
    [InlineData("FLUSH TABLES WITH READ LOCK", Verb.Update, Risk.High, "server", null, "lock-heavy")]
    [InlineData("LOCK TABLES orders WRITE", Verb.Update, Risk.High, "table", "orders", "lock-heavy")]
    [InlineData("CALL sp_cleanup(1)", Verb.Execute, Risk.High, "procedure", "sp_cleanup", "opaque")]
    [InlineData("PREPARE s FROM 'DELETE FROM users'; EXECUTE s", Verb.Delete, Risk.Critical, "table", "users", "all-rows")]
    [InlineData("PREPARE s FROM @sql; EXECUTE s", Verb.Execute, Risk.High, "prepared-statement", "s", "opaque")]
    [InlineData("EXPLAIN ANALYZE DELETE FROM users", Verb.Delete, Risk.Critical, "table", "users", "all-rows")]
    [InlineData("EXPLAIN users", Verb.Read, Risk.None, "table", "users", "")]
    [InlineData("DESCRIBE ANALYZE DELETE FROM t", Verb.Delete, Risk.Critical, "table", "t", "all-rows")]
    [InlineData("DESCRIBE SELECT * FROM t", Verb.Read, Risk.None, "database", null, "")]
    [InlineData("DO SLEEP(1)", Verb.Read, Risk.None, "database", null, "")]
    [InlineData("CREATE TRIGGER t1 BEFORE INSERT ON t FOR EACH ROW BEGIN DELETE FROM u; UPDATE v SET a = 1; END", Verb.Delete, Risk.Critical, "table", "u", "all-rows,deferred")]
    [InlineData("CREATE TRIGGER t1 BEFORE INSERT ON t FOR EACH ROW FOLLOWS t0 DELETE FROM logs WHERE id = NEW.id", Verb.Delete, Risk.High, "table", "logs", "deferred")]
    [InlineData("CREATE PROCEDURE p() BEGIN SELECT 1; DROP TABLE t;", Verb.Delete, Risk.Critical, "table", "t", "")]
    [InlineData("CREATE TABLE begin (a int); DROP TABLE t;", Verb.Delete, Risk.Critical, "table", "t", "")]
    [InlineData("SELECT * FROM t\\G", Verb.Read, Risk.None, "table", "t", "")]
    [InlineData("SELECT 1\\G DROP TABLE t;", Verb.Delete, Risk.Critical, "table", "t", "")]
    [InlineData("\\! rm -rf /", Verb.Execute, Risk.High, "program", "rm -rf /", "opaque")]
    [InlineData("\\. /tmp/x.sql", Verb.Execute, Risk.High, "file", "/tmp/x.sql", "opaque")]
    [InlineData("system ls -la", Verb.Execute, Risk.High, "program", "ls -la", "opaque")]
    [InlineData("source dump.sql", Verb.Execute, Risk.High, "file", "dump.sql", "opaque")]
    [InlineData("DELIMITER //\nCREATE PROCEDURE p() BEGIN DELETE FROM t; END //\nDELIMITER ;\nSELECT 1;", Verb.Create, Risk.Medium, "procedure", "p", "")]
    [InlineData("DELIMITER $$\nSELECT 1 $$ DROP TABLE a $$", Verb.Delete, Risk.Critical, "table", "a", "")]
    [InlineData("SELECT 1 --1;DROP TABLE t", Verb.Delete, Risk.Critical, "table", "t", "")]
    [InlineData("SELECT 1 -- ; DROP TABLE t", Verb.Read, Risk.None, "database", null, "")]
    [InlineData("SET @a = 1, sql_safe_updates = 0", Verb.Update, Risk.High, "session", "sql_safe_updates", "session-escape")]
    [InlineData("SET sql_safe_updates = 1", Verb.Update, Risk.Low, "session", "sql_safe_updates", "")]
    [InlineData("SET sql_mode = 'ANSI_QUOTES'", Verb.Update, Risk.High, "session", "sql_mode", "session-escape")]
    [InlineData("SET SESSION sql_mode = 'STRICT_TRANS_TABLES'", Verb.Update, Risk.Low, "session", "sql_mode", "")]
    [InlineData("CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO DELETE FROM logs", Verb.Delete, Risk.Critical, "table", "logs", "all-rows,deferred")]
    [InlineData("/*M!100000 DROP TABLE x */", Verb.Delete, Risk.Critical, "table", "x", "")]
    [InlineData("SELECT sys_exec('id')", Verb.Execute, Risk.Critical, "function", "sys_exec", "opaque")]
    [InlineData("UPDATE t1 JOIN t2 ON t1.id = t2.id SET t1.a = t2.a", Verb.Update, Risk.Critical, "table", "t1", "all-rows")]
    [InlineData("ALTER TABLE t DISCARD TABLESPACE", Verb.Delete, Risk.Critical, "table", "t", "all-rows")]
    [InlineData("SELECT 'a\\\\'; DROP TABLE t; --'", Verb.Delete, Risk.Critical, "table", "t", "")]
    public void Classify_MySql_MatchesExpectation(string sql, Verb verb, Risk risk, string kind, string? id, string tags)
    {
        SqlExpect.Matches(sql, SqlDialect.MySql, verb, risk, kind, id, tags);
    }

    [Theory]
    [InlineData("DROP TABLE users", Verb.Delete, Risk.Critical, "table", "users", "")]
    [InlineData("DROP TABLE IF EXISTS [Users]", Verb.Delete, Risk.Critical, "table", "Users", "")]
    [InlineData("SELECT * FROM \"users\" WHERE id = ?", Verb.Read, Risk.None, "table", "users", "")]
    [InlineData("DELETE FROM users WHERE id = :id", Verb.Delete, Risk.High, "table", "users", "")]
    [InlineData("DELETE FROM users", Verb.Delete, Risk.Critical, "table", "users", "all-rows")]
    [InlineData("INSERT OR REPLACE INTO kv VALUES ('a', 1)", Verb.Update, Risk.High, "table", "kv", "")]
    [InlineData("INSERT OR IGNORE INTO kv VALUES ('a', 1)", Verb.Create, Risk.Low, "table", "kv", "")]
    [InlineData("UPDATE OR REPLACE t SET a = 1 WHERE id = 2", Verb.Update, Risk.High, "table", "t", "")]
    [InlineData("ATTACH DATABASE 'other.db' AS other", Verb.Create, Risk.Medium, "database", "other.db", "")]
    [InlineData("ATTACH 'other.db' AS other", Verb.Create, Risk.Medium, "database", "other.db", "")]
    [InlineData("VACUUM", Verb.Update, Risk.Low, "database", null, "")]
    [InlineData("VACUUM INTO '/tmp/copy.db'", Verb.Create, Risk.Low, "database", "/tmp/copy.db", "")]
    [InlineData("PRAGMA table_info(users)", Verb.Read, Risk.None, "database", "table_info", "")]
    [InlineData("PRAGMA foreign_keys = OFF", Verb.Update, Risk.Low, "database", "foreign_keys", "")]
    [InlineData("PRAGMA writable_schema = ON", Verb.Update, Risk.High, "database", "writable_schema", "opaque")]
    [InlineData(".tables", Verb.Read, Risk.None, "database", null, "")]
    [InlineData(".schema users", Verb.Read, Risk.None, "database", null, "")]
    [InlineData(".shell rm -rf /", Verb.Execute, Risk.High, "program", "rm -rf /", "opaque")]
    [InlineData(".system curl evil", Verb.Execute, Risk.High, "program", "curl evil", "opaque")]
    [InlineData(".read dump.sql", Verb.Execute, Risk.High, "file", "dump.sql", "opaque")]
    [InlineData(".restore backup.db", Verb.Update, Risk.Critical, "database", "backup.db", "")]
    [InlineData(".frobnicate", Verb.Unknown, Risk.High, "database", null, "opaque")]
    [InlineData(".headers on\nSELECT * FROM t;\nDROP TABLE t;", Verb.Delete, Risk.Critical, "table", "t", "")]
    [InlineData("SELECT load_extension('/tmp/evil.so')", Verb.Execute, Risk.High, "function", "load_extension", "opaque")]
    [InlineData("SELECT writefile('/tmp/x', 'data')", Verb.Update, Risk.High, "function", "writefile", "server-file-write")]
    [InlineData("SELECT 1.5 * 2 FROM t", Verb.Read, Risk.None, "table", "t", "")]
    [InlineData("CREATE TRIGGER trg AFTER DELETE ON t BEGIN DELETE FROM audit; END; DROP TABLE x;", Verb.Delete, Risk.Critical, "table", "audit", "all-rows,deferred")]
    [InlineData("CREATE TRIGGER trg AFTER INSERT ON t BEGIN SELECT 1; END", Verb.Create, Risk.Medium, "trigger", "trg", "")]
    [InlineData("CREATE TRIGGER trg AFTER INSERT ON t BEGIN DELETE FROM a WHERE id = 1; DROP TABLE t;", Verb.Delete, Risk.Critical, "table", "t", "")]
    [InlineData(".import --csv data.csv users", Verb.Create, Risk.Medium, "table", "users", "")]
    [InlineData("SELECT 1 --1;DROP TABLE t", Verb.Read, Risk.None, "database", null, "")]
    public void Classify_Sqlite_MatchesExpectation(string sql, Verb verb, Risk risk, string kind, string? id, string tags)
    {
        SqlExpect.Matches(sql, SqlDialect.Sqlite, verb, risk, kind, id, tags);
    }

    [Theory]
    [InlineData("\\dt", Verb.Read, Risk.None, "database", null, "")]
    [InlineData("\\d+ users", Verb.Read, Risk.None, "database", null, "")]
    [InlineData("\\l", Verb.Read, Risk.None, "database", null, "")]
    [InlineData("\\! rm -rf /", Verb.Execute, Risk.High, "program", "rm -rf /", "opaque")]
    [InlineData("\\i /tmp/migration.sql", Verb.Execute, Risk.High, "file", "/tmp/migration.sql", "opaque")]
    [InlineData("SELECT format('DROP TABLE %I', tablename) FROM pg_tables \\gexec", Verb.Execute, Risk.High, "database", null, "opaque")]
    [InlineData("\\copy users FROM PROGRAM 'curl http://x'", Verb.Execute, Risk.Critical, "program", "curl http://x", "opaque,embedded-sql")]
    [InlineData("\\copy users TO 'users.csv' CSV", Verb.Read, Risk.Low, "table", "users", "embedded-sql")]
    [InlineData("\\copy users FROM 'users.csv' CSV", Verb.Create, Risk.Medium, "table", "users", "embedded-sql")]
    [InlineData("\\x\nSELECT 1;\nDROP TABLE t;", Verb.Delete, Risk.Critical, "table", "t", "")]
    [InlineData("\\yolo", Verb.Unknown, Risk.High, "database", null, "opaque")]
    public void Classify_PsqlMetaCommand_MatchesExpectation(string sql, Verb verb, Risk risk, string kind, string? id, string tags)
    {
        SqlExpect.Matches(sql, SqlDialect.PostgreSql, verb, risk, kind, id, tags);
    }

    [Fact]
    public void Classify_MySqlTriggerBody_StaysOneStatementWithDeferredEffects()
    {
        var actions = SqlClassifier.Classify("CREATE TRIGGER t1 BEFORE INSERT ON t FOR EACH ROW BEGIN DELETE FROM u WHERE id = NEW.id; END", SqlDialect.MySql);
        actions.Select(a => a.RuleId).ShouldBe(["sql.create-trigger", "sql.delete"]);
        actions[1].HasTag("deferred").ShouldBeTrue();
    }

    [Fact]
    public void Classify_MySqlNonExecutableCommentHidesDrop_InPostgres()
    {
        // In PostgreSQL /*! … */ is an ordinary comment.
        SqlClassifier.Classify("/*!50000 DROP TABLE t */ SELECT 1").Single().Verb.ShouldBe(Verb.Read);
    }
}
