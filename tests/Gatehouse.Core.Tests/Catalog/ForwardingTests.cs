namespace Gatehouse.Core.Tests.Catalog;

/// <summary>Launchers hand the rest of the line to the tool they start, keeping their own environment evidence.</summary>
public sealed class ForwardingTests
{
    [Theory]
    [InlineData("railway run -e production npx prisma migrate reset", "prisma.migrate.reset", "railway>npx>prisma", "production")]
    [InlineData("heroku run -a shop-prod rails db:migrate", "rails.db.migrate", "heroku>rails", "shop-prod")]
    [InlineData("bundle exec rails db:drop", "rails.db.drop", "launcher>rails", null)]
    [InlineData("poetry run python manage.py flush", "django.flush", "launcher>python>manage.py", null)]
    [InlineData("pnpm exec prisma db push --force-reset", "prisma.db.push.data-loss", "npm>prisma", null)]
    [InlineData("docker compose -p prod down -v", "compose.down.volumes", "docker>docker-compose", null)]
    [InlineData("uvx alembic downgrade base", "alembic.downgrade.base", "uvx>alembic", null)]
    public void Match_Launcher_JudgesTheLaunchedCommand(string line, string ruleId, string path, string? hint)
    {
        var match = CommandLine.Match(line);

        match.ShouldNotBeNull();
        match.RuleId.ShouldBe(ruleId);
        var action = match.Actions.Single();
        action.Path.ShouldBe(path);
        if (hint is not null)
        {
            action.EnvironmentHints.ShouldContain(hint);
        }
    }

    [Theory]
    [InlineData("npx some-unknown-tool --flag", "npx.run")]
    [InlineData("docker exec -it db some-script.sh", "docker.exec")]
    [InlineData("railway run ./deploy.sh", "railway.run")]
    public void Match_LauncherOfUnknownCommand_KeepsLauncherRule(string line, string ruleId)
    {
        CommandLine.Match(line)!.RuleId.ShouldBe(ruleId);
    }
}
