using Gatehouse.Core.Interpreters.Findings;
using Gatehouse.Core.Interpreters.Lexing;
using Gatehouse.Core.Model;

namespace Gatehouse.Core.Tests.Interpreters;

public sealed class FindingsHelpersTests
{
    [Theory]
    [InlineData(new[] { "git", "reset", "--hard" }, "git reset --hard")]
    [InlineData(new[] { "rm", "-rf", "my dir" }, "rm -rf 'my dir'")]
    [InlineData(new[] { "echo", "it's" }, "echo 'it'\\''s'")]
    [InlineData(new[] { "echo", "" }, "echo ''")]
    [InlineData(new[] { "echo", "$HOME" }, "echo '$HOME'")]
    [InlineData(new[] { "rm", "-rf", "~" }, "rm -rf ~")]
    [InlineData(new[] { "rm", "-rf", "~/x y" }, "rm -rf ~'/x y'")]
    [InlineData(new[] { "sh", "-c", "a; b" }, "sh -c 'a; b'")]
    [InlineData(new[] { "git", "log", "--format=%H" }, "git log --format=%H")]
    public void ShellWordsJoin_Words_QuotesForReparsing(string[] argv, string expected)
    {
        ShellWords.Join(argv).ShouldBe(expected);
    }

    [Fact]
    public void ShellWordsJoin_DynamicWord_BecomesQuotedPlaceholder()
    {
        ShellWords.Join(["rm", "-rf", "/srv/" + DynamicText.Marker]).ShouldBe("rm -rf /srv/\"$GATEHOUSE_DYNAMIC\"");
    }

    [Theory]
    [InlineData("/", Risk.Critical)]
    [InlineData("//", Risk.Critical)]
    [InlineData("~", Risk.Critical)]
    [InlineData("~/", Risk.Critical)]
    [InlineData("$HOME", Risk.Critical)]
    [InlineData("/etc", Risk.Critical)]
    [InlineData("/etc/", Risk.Critical)]
    [InlineData("/usr/local/bin/tool", Risk.Critical)]
    [InlineData("/home/alice", Risk.Critical)]
    [InlineData("/Users/alice", Risk.Critical)]
    [InlineData("/home/alice/project/docs", Risk.Critical)]
    [InlineData("/home/alice/project/build", Risk.Low)]
    [InlineData("/tmp", Risk.Critical)]
    [InlineData("/tmp/scratch", Risk.Low)]
    [InlineData("/tmp/build-123", Risk.Low)]
    [InlineData("/var/tmp/x", Risk.Low)]
    [InlineData("/srv/app/shared", Risk.Critical)]
    [InlineData("~/Downloads", Risk.Critical)]
    [InlineData("build", Risk.Low)]
    [InlineData("./build/", Risk.Low)]
    [InlineData("./", Risk.High)]
    [InlineData("*", Risk.High)]
    [InlineData("../sibling", Risk.Critical)]
    [InlineData("a/../../b", Risk.Critical)]
    [InlineData(".git", Risk.High)]
    [InlineData(".claude/settings.json", Risk.Critical)] // hook settings are a protected path: deleting them is tampering, denied
    [InlineData("C:\\", Risk.Critical)]
    public void PathRiskForDeletion_LiteralPath_HasExpectedRisk(string path, Risk risk)
    {
        ScriptPathJudge.ForDeletion(path).Risk.ShouldBe(risk);
    }

    [Fact]
    public void PathRiskForDeletion_ComputedPath_IsHighDynamic()
    {
        var assessment = ScriptPathJudge.ForDeletion(DynamicText.MarkerString);
        assessment.Risk.ShouldBe(Risk.High);
        assessment.Id.ShouldBeNull();
        assessment.Tags.ShouldContain(Tags.DynamicTarget);
    }

    [Theory]
    [InlineData("DROP TABLE users", true)]
    [InlineData("  select 1", true)]
    [InlineData("(SELECT 1)", true)]
    [InlineData("delete from t where id = 1", true)]
    [InlineData("-- comment\nDROP TABLE x", true)]
    [InlineData("COMMIT", true)]
    [InlineData("hello world", false)]
    [InlineData("show", false)]
    [InlineData("selection of things", false)]
    [InlineData("", false)]
    [InlineData("/tmp/x", false)]
    public void SqlTextLooksLikeSql_Text_IsJudgedByLeadingKeyword(string text, bool expected)
    {
        SqlText.LooksLikeSql(text).ShouldBe(expected);
    }
}
