using Gatehouse.Core.Catalog;

namespace Gatehouse.Core.Tests.Catalog;

/// <summary>Embedded code the catalog hands to the SQL, Mongo, Redis and interpreter classifiers.</summary>
public sealed class DelegationTests
{
    [Theory]
    [InlineData("psql $DB -c DROP·DATABASE·app", EmbeddedLanguage.Sql, DelegationSource.Inline, "DROP DATABASE app")]
    [InlineData("psql --command=TRUNCATE·orders", EmbeddedLanguage.Sql, DelegationSource.Inline, "TRUNCATE orders")]
    [InlineData("psql -U app -cDELETE·FROM·users", EmbeddedLanguage.Sql, DelegationSource.Inline, "DELETE FROM users")]
    [InlineData("psql -f schema.sql", EmbeddedLanguage.Sql, DelegationSource.File, "schema.sql")]
    [InlineData("psql -h db -U app app", EmbeddedLanguage.Sql, DelegationSource.StandardInput, null)]
    [InlineData("mysql -e DROP·DATABASE·shop", EmbeddedLanguage.Sql, DelegationSource.Inline, "DROP DATABASE shop")]
    [InlineData("mysql --execute=SHOW·TABLES shop", EmbeddedLanguage.Sql, DelegationSource.Inline, "SHOW TABLES")]
    [InlineData("mysql -uroot -psecret shop", EmbeddedLanguage.Sql, DelegationSource.StandardInput, null)]
    [InlineData("sqlite3 app.db DELETE·FROM·users", EmbeddedLanguage.Sql, DelegationSource.Inline, "DELETE FROM users")]
    [InlineData("sqlite3 app.db", EmbeddedLanguage.Sql, DelegationSource.StandardInput, null)]
    [InlineData("mongosh --eval db.dropDatabase()", EmbeddedLanguage.Mongo, DelegationSource.Inline, "db.dropDatabase()")]
    [InlineData("mongo mongodb://h/app --eval db.users.deleteMany({})", EmbeddedLanguage.Mongo, DelegationSource.Inline, "db.users.deleteMany({})")]
    [InlineData("mongosh mongodb://h/app", EmbeddedLanguage.Mongo, DelegationSource.StandardInput, null)]
    [InlineData("mongosh mongodb://h/app cleanup.js", EmbeddedLanguage.Mongo, DelegationSource.File, "cleanup.js")]
    [InlineData("redis-cli FLUSHALL", EmbeddedLanguage.Redis, DelegationSource.Inline, "FLUSHALL")]
    [InlineData("redis-cli -h cache -n 2 DEL k1 k2", EmbeddedLanguage.Redis, DelegationSource.Inline, "DEL k1 k2")]
    [InlineData("redis-cli", EmbeddedLanguage.Redis, DelegationSource.StandardInput, null)]
    [InlineData("python -c import·os", EmbeddedLanguage.Python, DelegationSource.Inline, "import os")]
    [InlineData("python3 -c print(1)", EmbeddedLanguage.Python, DelegationSource.Inline, "print(1)")]
    [InlineData("python3", EmbeddedLanguage.Python, DelegationSource.StandardInput, null)]
    [InlineData("python -", EmbeddedLanguage.Python, DelegationSource.StandardInput, null)]
    [InlineData("node -e process.exit(1)", EmbeddedLanguage.JavaScript, DelegationSource.Inline, "process.exit(1)")]
    [InlineData("node --eval=1+1", EmbeddedLanguage.JavaScript, DelegationSource.Inline, "1+1")]
    [InlineData("node -p process.env", EmbeddedLanguage.JavaScript, DelegationSource.Inline, "process.env")]
    [InlineData("node", EmbeddedLanguage.JavaScript, DelegationSource.StandardInput, null)]
    [InlineData("ruby -e puts·1", EmbeddedLanguage.Ruby, DelegationSource.Inline, "puts 1")]
    [InlineData("ruby", EmbeddedLanguage.Ruby, DelegationSource.StandardInput, null)]
    [InlineData("perl -e unlink·glob('*')", EmbeddedLanguage.Perl, DelegationSource.Inline, "unlink glob('*')")]
    [InlineData("perl -E say·1", EmbeddedLanguage.Perl, DelegationSource.Inline, "say 1")]
    [InlineData("perl -ne print", EmbeddedLanguage.Perl, DelegationSource.Inline, "print")]
    [InlineData("php -r unlink('x');", EmbeddedLanguage.Php, DelegationSource.Inline, "unlink('x');")]
    [InlineData("deno eval Deno.remove('/')", EmbeddedLanguage.JavaScript, DelegationSource.Inline, "Deno.remove('/')")]
    [InlineData("heroku pg:psql -a prod -c DROP·TABLE·x", EmbeddedLanguage.Sql, DelegationSource.Inline, "DROP TABLE x")]
    [InlineData("rails runner User.delete_all", EmbeddedLanguage.Ruby, DelegationSource.Inline, "User.delete_all")]
    [InlineData("python manage.py shell -c from·x·import·y", EmbeddedLanguage.Python, DelegationSource.Inline, "from x import y")]
    [InlineData("python manage.py dbshell", EmbeddedLanguage.Sql, DelegationSource.StandardInput, null)]
    [InlineData("kubectl exec -it db -- psql -c DROP·TABLE·x", EmbeddedLanguage.Sql, DelegationSource.Inline, "DROP TABLE x")]
    [InlineData("docker exec -it db mysql -e DROP·DATABASE·x", EmbeddedLanguage.Sql, DelegationSource.Inline, "DROP DATABASE x")]
    public void Match_CommandWithEmbeddedCode_Delegates(string line, EmbeddedLanguage language, DelegationSource source, string? content)
    {
        var match = CommandLine.Match(line);

        match.ShouldNotBeNull();
        var delegation = match.Delegations.ShouldHaveSingleItem();
        delegation.Language.ShouldBe(language);
        delegation.Source.ShouldBe(source);
        (source == DelegationSource.File ? delegation.FilePath : delegation.Text).ShouldBe(content);
    }

    [Fact]
    public void Match_RedisCommand_PassesArgumentVector()
    {
        var match = CommandLine.Match("redis-cli -h cache DEL user:1 user:2");

        match.ShouldNotBeNull();
        match.Delegations.Single().Arguments.ShouldBe(["DEL", "user:1", "user:2"]);
    }

    [Fact]
    public void Match_DynamicInlineCode_IsOpaqueHighWithNullText()
    {
        var match = CommandLine.Match("psql -c $QUERY");

        match.ShouldNotBeNull();
        match.Delegations.Single().Text.ShouldBeNull();
        var action = match.Actions.Single();
        action.Risk.ShouldBe(Model.Risk.High);
        action.HasTag(Model.Tags.Opaque).ShouldBeTrue();
    }

    [Theory]
    [InlineData("python3 -c import·psycopg2;·psycopg2.connect('$DATABASE_URL')", "import psycopg2; psycopg2.connect('$DATABASE_URL')")]
    [InlineData("psql -c DROP·TABLE·$TABLE", "DROP TABLE $TABLE")]
    [InlineData("psql --command=DELETE·FROM·t·WHERE·id=$ID", "DELETE FROM t WHERE id=$ID")]
    [InlineData("node -e console.log('${HOME:?}')", "console.log('${HOME:?}')")]
    public void Match_InlineCodeWithExpansions_HandsOnTheRenderedTextAndStaysOpaque(string line, string text)
    {
        var match = CommandLine.Match(line);

        match.ShouldNotBeNull();
        match.Delegations.Single().Text.ShouldBe(text);
        var action = match.Actions.Single();
        (action.Risk >= Model.Risk.High).ShouldBeTrue();
        action.HasTag(Model.Tags.Opaque).ShouldBeTrue();
    }

    [Theory]
    [InlineData("python3 -c $CODE")]
    [InlineData("psql --command=$SQL")]
    [InlineData("python3 -c $(cat·x)")]
    public void Match_InlineCodeThatIsOnlyAnExpansion_HasNoText(string line)
    {
        var match = CommandLine.Match(line);

        match.ShouldNotBeNull();
        match.Delegations.Single().Text.ShouldBeNull();
        match.Actions.Single().HasTag(Model.Tags.Opaque).ShouldBeTrue();
    }

    [Fact]
    public void Match_SeveralCommandFlags_DelegatesEach()
    {
        var match = CommandLine.Match("psql -c SELECT·1 -c DROP·TABLE·t");

        match.ShouldNotBeNull();
        match.Delegations.Select(d => d.Text).ShouldBe(["SELECT 1", "DROP TABLE t"]);
    }

    [Theory]
    [InlineData("psql -l")]
    [InlineData("pg_dump prod")]
    [InlineData("rm -rf build")]
    [InlineData("python script.py")]
    [InlineData("node server.js")]
    public void Match_CommandWithoutEmbeddedCode_HasNoDelegation(string line)
    {
        var match = CommandLine.Match(line);

        match.ShouldNotBeNull();
        match.Delegations.ShouldBeEmpty();
    }
}
