using Gatehouse.Core.Catalog;

namespace Gatehouse.Core.Tests.Catalog;

public sealed class PathClassifierTests
{
    [Theory]
    [InlineData("/", nameof(PathScope.SystemRoot))]
    [InlineData("/*", nameof(PathScope.SystemRoot))]
    [InlineData("/.", nameof(PathScope.SystemRoot))]
    [InlineData("//", nameof(PathScope.SystemRoot))]
    [InlineData("/usr", nameof(PathScope.SystemRoot))]
    [InlineData("/usr/*", nameof(PathScope.SystemRoot))]
    [InlineData("/var/lib", nameof(PathScope.SystemRoot))]
    [InlineData("/etc/", nameof(PathScope.SystemRoot))]
    [InlineData("/home", nameof(PathScope.SystemRoot))]
    [InlineData("/home/alice", nameof(PathScope.SystemRoot))]
    [InlineData("/tmp/../etc", nameof(PathScope.SystemRoot))]
    [InlineData("/var/lib/postgresql/data", nameof(PathScope.System))]
    [InlineData("/usr/local/lib/node_modules", nameof(PathScope.WorkspaceRegenerable))]
    [InlineData("/etc/nginx/sites-enabled/default", nameof(PathScope.System))]
    [InlineData("/home/alice/projects/x", nameof(PathScope.OutsideWorkspace))]
    [InlineData("/mnt/data/backup", nameof(PathScope.OutsideWorkspace))]
    [InlineData("/workspace/other", nameof(PathScope.OutsideWorkspace))]
    [InlineData("/dev/sda", nameof(PathScope.Device))]
    [InlineData("/dev/sdb1", nameof(PathScope.Device))]
    [InlineData("/dev/nvme0n1", nameof(PathScope.Device))]
    [InlineData("/dev/disk2", nameof(PathScope.Device))]
    [InlineData("/dev/mapper/vg-root", nameof(PathScope.Device))]
    [InlineData("/dev/null", nameof(PathScope.Temporary))]
    [InlineData("/tmp", nameof(PathScope.System))]
    [InlineData("/tmp/build-123", nameof(PathScope.Temporary))]
    [InlineData("/var/tmp/x", nameof(PathScope.Temporary))]
    [InlineData("$TMPDIR/x", nameof(PathScope.Temporary))]
    [InlineData("~", nameof(PathScope.Home))]
    [InlineData("~/", nameof(PathScope.Home))]
    [InlineData("~/*", nameof(PathScope.Home))]
    [InlineData("$HOME", nameof(PathScope.Home))]
    [InlineData("$HOME/", nameof(PathScope.Home))]
    [InlineData("${HOME}/", nameof(PathScope.Home))]
    [InlineData("$HOME/$PROJECT", nameof(PathScope.Home))]
    [InlineData("~/projects", nameof(PathScope.HomeSubpath))]
    [InlineData("~/.ssh/id_rsa", nameof(PathScope.HomeSubpath))]
    [InlineData("$HOME/.cache/pip", nameof(PathScope.HomeRegenerable))]
    [InlineData("~/.npm/_cacache", nameof(PathScope.HomeRegenerable))]
    [InlineData("~/.m2/repository", nameof(PathScope.HomeRegenerable))]
    [InlineData("~/projects/app/node_modules", nameof(PathScope.HomeRegenerable))]
    [InlineData("~/.ssh", nameof(PathScope.HomeSubpath))]
    [InlineData("/srv/app/dist", nameof(PathScope.WorkspaceRegenerable))]
    [InlineData("/var/tmp", nameof(PathScope.System))]
    [InlineData("/[e]tc", nameof(PathScope.System))]
    [InlineData("/?tc", nameof(PathScope.System))]
    [InlineData("./../../..", nameof(PathScope.OutsideWorkspace))]
    [InlineData("data/app.sqlite3", nameof(PathScope.WorkspaceData))]
    [InlineData("./.env", nameof(PathScope.WorkspaceData))]
    [InlineData(".env.example", nameof(PathScope.Workspace))]
    [InlineData("C:", nameof(PathScope.SystemRoot))]
    [InlineData("C:/Windows", nameof(PathScope.SystemRoot))]
    [InlineData("%USERPROFILE%", nameof(PathScope.Home))]
    [InlineData("%USERPROFILE%/Documents", nameof(PathScope.HomeSubpath))]
    [InlineData("%WHATEVER%/x", nameof(PathScope.Dynamic))]
    [InlineData(".", nameof(PathScope.WorkspaceRoot))]
    [InlineData("./", nameof(PathScope.WorkspaceRoot))]
    [InlineData("*", nameof(PathScope.WorkspaceRoot))]
    [InlineData("./*", nameof(PathScope.WorkspaceRoot))]
    [InlineData(".git", nameof(PathScope.WorkspaceRoot))]
    [InlineData(".git/", nameof(PathScope.WorkspaceRoot))]
    [InlineData("src/..", nameof(PathScope.WorkspaceRoot))]
    [InlineData("$PWD", nameof(PathScope.WorkspaceRoot))]
    [InlineData("./$SUBDIR", nameof(PathScope.WorkspaceRoot))]
    [InlineData(".git/index.lock", nameof(PathScope.Workspace))]
    [InlineData("src", nameof(PathScope.Workspace))]
    [InlineData("src/app/main.ts", nameof(PathScope.Workspace))]
    [InlineData("README.md", nameof(PathScope.Workspace))]
    [InlineData("node_modules", nameof(PathScope.WorkspaceRegenerable))]
    [InlineData("./build", nameof(PathScope.WorkspaceRegenerable))]
    [InlineData("packages/web/.next", nameof(PathScope.WorkspaceRegenerable))]
    [InlineData("app/__pycache__", nameof(PathScope.WorkspaceRegenerable))]
    [InlineData("x/y.pyc", nameof(PathScope.WorkspaceRegenerable))]
    [InlineData("server.log", nameof(PathScope.WorkspaceRegenerable))]
    [InlineData("target/debug", nameof(PathScope.WorkspaceRegenerable))]
    [InlineData("bin/Debug", nameof(PathScope.WorkspaceRegenerable))]
    [InlineData(".venv", nameof(PathScope.WorkspaceRegenerable))]
    [InlineData("build/$X", nameof(PathScope.WorkspaceRegenerable))]
    [InlineData("../sibling", nameof(PathScope.OutsideWorkspace))]
    [InlineData("src/../../x", nameof(PathScope.OutsideWorkspace))]
    [InlineData("${DIR:?}/", nameof(PathScope.Workspace))]
    [InlineData("${DIR:?}", nameof(PathScope.Workspace))]
    [InlineData("${DIR:?}/build", nameof(PathScope.WorkspaceRegenerable))]
    [InlineData("${DIR:?}/$X", nameof(PathScope.Dynamic))]
    [InlineData("$DIR", nameof(PathScope.Dynamic))]
    [InlineData("$DIR/", nameof(PathScope.Dynamic))]
    [InlineData("${DIR}/data", nameof(PathScope.Dynamic))]
    [InlineData("$(pwd)/x", nameof(PathScope.Dynamic))]
    [InlineData("/$X", nameof(PathScope.SystemRoot))]
    [InlineData("/srv/$APP", nameof(PathScope.SystemRoot))]
    [InlineData("/tmp/$X", nameof(PathScope.System))]
    public void Classify_Path_ReturnsScope(string token, string scope)
    {
        PathClassifier.Classify(CommandLine.Word(token)).ToString().ShouldBe(scope);
    }

    [Fact]
    public void Classify_OtherUsersTilde_IsSystemRoot()
    {
        var word = new global::Gatehouse.Core.Shell.Syntax.Word([new global::Gatehouse.Core.Shell.Syntax.TildePart("bob")], 0, 0);

        PathClassifier.Classify(word).ShouldBe(PathScope.SystemRoot);
    }

    [Fact]
    public void Classify_VeryLongPath_DoesNotThrow()
    {
        var path = string.Concat(Enumerable.Repeat("a/", 200_000));

        PathClassifier.Classify(CommandLine.Literal(path)).ShouldBe(PathScope.Workspace);
    }
}
