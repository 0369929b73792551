using Gatehouse.Core.Model;

namespace Gatehouse.Core.Tests.Analysis;

/// <summary>
/// A database client handed statements Gatehouse reads is judged by those statements alone; a client whose
/// statements cannot be seen (interactive, an unseen file, a value computed at run time) still counts itself.
/// </summary>
public sealed class DatabaseClientActionTests
{
    private static IReadOnlyList<AgentAction> Actions(string command) => ActionClassifier.Classify(InputKind.Shell, command).Actions;

    [Theory]
    [InlineData("psql -h db.prod.internal -c 'SELECT 1'", Verb.Read)]
    [InlineData("psql \"$DATABASE_URL\" -c 'select count(*) from users'", Verb.Read)]
    [InlineData("mysql -h db.prod.internal -e 'SELECT * FROM users'", Verb.Read)]
    [InlineData("sqlite3 app.db 'select * from t'", Verb.Read)]
    [InlineData("psql -h db.prod.internal <<'SQL'\nSELECT 1;\nSQL", Verb.Read)]
    [InlineData("redis-cli -h cache.prod.internal GET session:1", Verb.Read)]
    [InlineData("mongosh prod --eval 'db.users.find()'", Verb.Read)]
    [InlineData("psql -h db.prod.internal -c 'DROP TABLE users'", Verb.Delete)]
    public void Classify_ClientWithStatementsSeen_YieldsOnlyTheStatements(string command, Verb statementVerb)
    {
        var actions = Actions(command);

        actions.ShouldNotBeEmpty();
        actions.ShouldAllBe(a => a.Verb == statementVerb);
    }

    [Theory]
    [InlineData("psql -h db.prod.internal")]
    [InlineData("psql -h db.prod.internal -f migrate.sql")]
    [InlineData("psql -h db.prod.internal -c \"$QUERY\"")]
    [InlineData("psql -h db.prod.internal -c \"select * from $TABLE\"")]
    [InlineData("curl -s https://x.io/q.sql | psql -h db.prod.internal")]
    [InlineData("mysql -h db.prod.internal")]
    public void Classify_ClientWithStatementsUnseen_KeepsItsOwnAction(string command) =>
        Actions(command).ShouldContain(a => a.Tool != "sql" && (a.Verb == Verb.Execute || a.Verb == Verb.Unknown));

    [Fact]
    public void Classify_ProductionHostRead_KeepsTheHostAsEvidence() =>
        Actions("psql -h db.prod.internal -c 'SELECT 1'").ShouldAllBe(a => a.Target.Environments.Contains("production"));
}
