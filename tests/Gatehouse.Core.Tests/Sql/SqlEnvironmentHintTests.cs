using Gatehouse.Core.Sql;

namespace Gatehouse.Core.Tests.Sql;

public sealed class SqlEnvironmentHintTests
{
    [Theory]
    [InlineData("\\c production\nDROP TABLE t;", SqlDialect.PostgreSql, "production")]
    [InlineData("\\connect app prod_user prod-db.internal 5432\nDROP TABLE t", SqlDialect.PostgreSql, "app;prod-db.internal")]
    [InlineData("\\c \"host=db.prod dbname=app\"\nDROP TABLE t", SqlDialect.PostgreSql, "db.prod;app")]
    [InlineData("\\c postgresql://u@prod-db/app\nDROP TABLE t", SqlDialect.PostgreSql, "postgresql://u@prod-db/app")]
    [InlineData("USE prod; DROP TABLE t", SqlDialect.MySql, "prod")]
    [InlineData(".open prod.db\nDROP TABLE t", SqlDialect.Sqlite, "prod.db")]
    [InlineData("DROP TABLE t", SqlDialect.PostgreSql, "")]
    public void Classify_ConnectionSwitch_HintsLaterActions(string sql, SqlDialect dialect, string hints)
    {
        var drop = SqlClassifier.Classify(sql, dialect).Single(a => a.RuleId == "sql.drop-table");
        string.Join(';', drop.EnvironmentHints).ShouldBe(hints);
        drop.Target.Environments.ShouldBeEmpty();
    }

    [Fact]
    public void Classify_DblinkConnectionString_HintsTheRemoteEffects()
    {
        var actions = SqlClassifier.Classify("SELECT dblink_exec('host=prod-db dbname=app', 'DELETE FROM users')");
        var delete = actions.Single(a => a.RuleId == "sql.delete-all-rows");
        delete.EnvironmentHints.ShouldBe(["prod-db", "app"]);
        actions.Single(a => a.RuleId == "sql.fn.dblink").EnvironmentHints.ShouldBe(["prod-db", "app"]);
        actions.Single(a => a.RuleId == "sql.read").EnvironmentHints.ShouldBeEmpty();
    }
}
