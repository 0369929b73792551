using Gatehouse.Core.Model;
using Gatehouse.Core.Sql;

namespace Gatehouse.Core.Tests.Sql;

/// <summary>A destroying function called once per row of a whole-table query, and Cassandra keyspaces.</summary>
public sealed class SqlClassifierRowSweepTests
{
    [Theory]
    [InlineData("SELECT lo_unlink(oid) FROM pg_largeobject_metadata", "lo_unlink")]
    [InlineData("SELECT lo_unlink(m.oid) FROM pg_largeobject_metadata m WHERE 1 = 1", "lo_unlink")]
    [InlineData("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots", "pg_drop_replication_slot")]
    [InlineData("SELECT slot_name, pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE true", "pg_drop_replication_slot")]
    [InlineData("SELECT lo_truncate(lo_open(oid, 131072), 0) FROM pg_largeobject_metadata", "lo_truncate")]
    public void Classify_DestroyingFunctionOverEveryRow_IsCriticalAllRows(string sql, string function)
    {
        SqlExpect.Matches(sql, SqlDialect.PostgreSql, Verb.Delete, Risk.Critical, "function", function, "all-rows");
    }

    [Theory]
    [InlineData("SELECT lo_unlink(12345)")]
    [InlineData("SELECT lo_unlink(12345) FROM pg_largeobject_metadata")]
    [InlineData("SELECT lo_unlink(oid) FROM pg_largeobject_metadata WHERE oid = 12345")]
    [InlineData("SELECT lo_unlink(oid) FROM pg_largeobject_metadata LIMIT 1")]
    [InlineData("SELECT lo_unlink($1) FROM pg_largeobject_metadata")]
    public void Classify_DestroyingFunctionOnOneObject_StaysHigh(string sql)
    {
        SqlExpect.Matches(sql, SqlDialect.PostgreSql, Verb.Delete, Risk.High, "function", "lo_unlink", "");
    }

    [Fact]
    public void Classify_TerminateEveryBackend_StaysHighBecauseSessionsReconnect()
    {
        SqlExpect.Matches("SELECT pg_terminate_backend(pid) FROM pg_stat_activity", SqlDialect.PostgreSql, Verb.Update, Risk.High, "function", "pg_terminate_backend", "");
    }

    [Theory]
    [InlineData("DROP KEYSPACE metrics", "metrics")]
    [InlineData("DROP KEYSPACE IF EXISTS metrics;", "metrics")]
    [InlineData("drop keyspace \"Metrics\"", "Metrics")]
    public void Classify_DropKeyspace_IsCriticalDatabaseDrop(string sql, string keyspace)
    {
        var action = SqlExpect.Strictest(SqlClassifier.Classify(sql));

        action.Verb.ShouldBe(Verb.Delete);
        action.Risk.ShouldBe(Risk.Critical);
        action.Target.ShouldBe(ResourceRef.Of("database", keyspace));
        action.RuleId.ShouldBe("sql.drop-database");
    }
}
