using Gatehouse.Core.Catalog;
using Gatehouse.Core.Model;
using Gatehouse.Core.Shell.Syntax;

namespace Gatehouse.Core.Tests.Catalog;

public sealed class MatchRobustnessTests
{
    [Theory]
    [InlineData("curl")]
    [InlineData("find")]
    [InlineData("sudo")]
    [InlineData("bash")]
    [InlineData("xargs")]
    [InlineData("ssh")]
    [InlineData("frobnicator")]
    [InlineData("")]
    public void Match_CommandNotInCatalog_ReturnsNull(string command)
    {
        ToolCatalog.Default.Match(command, []).ShouldBeNull();
    }

    [Theory]
    [InlineData("aws", "Unknown", "aws.unknown")]
    [InlineData("kubectl", "Unknown", "kubectl.unknown")]
    [InlineData("ls", "Read", "fs.list")]
    [InlineData("rm", "Delete", "fs.rm")]
    public void Match_KnownToolWithNoArguments_NeverThrows(string command, string verb, string ruleId)
    {
        var match = ToolCatalog.Default.Match(command, []);

        match.ShouldNotBeNull();
        match.RuleId.ShouldBe(ruleId);
        match.Actions.Single().Verb.ToString().ShouldBe(verb);
    }

    [Theory]
    [InlineData("aws frob nicate", Risk.High)]
    [InlineData("gcloud frobnicate", Risk.High)]
    [InlineData("railway frobnicate", Risk.High)]
    [InlineData("ls --frobnicate", Risk.None)]
    [InlineData("cat --frobnicate file", Risk.None)]
    public void Match_UncoveredInvocation_UsesToolFallback(string line, Risk risk)
    {
        var match = CommandLine.Match(line);

        match.ShouldNotBeNull();
        match.Actions.Single().Risk.ShouldBe(risk);
    }

    [Theory]
    [InlineData("/usr/bin/terraform", "terraform.destroy")]
    [InlineData("./node_modules/.bin/prisma", "prisma.unknown")]
    [InlineData("./manage.py", "django.flush")]
    [InlineData("mkfs.btrfs", "fs.mkfs")]
    public void Match_PathOrPrefixedName_FindsTool(string command, string ruleId)
    {
        var arguments = ruleId switch
        {
            "terraform.destroy" => new[] { CommandLine.Literal("destroy") },
            "django.flush" => [CommandLine.Literal("flush")],
            _ => [CommandLine.Literal("/dev/sdb")],
        };

        ToolCatalog.Default.Match(command, arguments)!.RuleId.ShouldBe(ruleId);
    }

    [Theory]
    [InlineData("rm")]
    [InlineData("rm -rf")]
    [InlineData("rm -rf {}")]
    [InlineData("shred -u")]
    [InlineData("chmod -R 777")]
    public void Match_DestroyWithPathsFromStandardInput_IsHighDynamic(string line)
    {
        var match = CommandLine.Match(line);

        match.ShouldNotBeNull();
        var action = match.Actions.Single();
        action.Risk.ShouldBe(Risk.High);
        action.HasTag(Tags.DynamicTarget).ShouldBeTrue();
    }

    [Theory]
    [InlineData("tee")]
    [InlineData("cat")]
    [InlineData("grep -v foo")]
    public void Match_FilterWithoutFiles_StaysHarmless(string line)
    {
        CommandLine.Match(line)!.Actions.Single().Risk.ShouldBe(Risk.None);
    }

    [Fact]
    public void Match_DynamicSubcommand_FallsBackFailClosed()
    {
        var match = ToolCatalog.Default.Match("kubectl", [CommandLine.Word("$VERB"), CommandLine.Literal("ns"), CommandLine.Literal("prod")]);

        match.ShouldNotBeNull();
        match.Actions.Single().Risk.ShouldBe(Risk.High);
        match.Actions.Single().HasTag(Tags.Opaque).ShouldBeTrue();
    }

    [Fact]
    public void Match_TenThousandArguments_IsBoundedAndCorrect()
    {
        var arguments = new List<Word> { CommandLine.Literal("-rf") };
        for (var i = 0; i < 10_000; i++)
        {
            arguments.Add(CommandLine.Literal($"build/f{i}"));
        }

        arguments.Add(CommandLine.Literal("/"));

        var match = ToolCatalog.Default.Match("rm", arguments);

        match.ShouldNotBeNull();
        match.Actions.Count.ShouldBe(10_001);
        match.Actions.Max(a => a.Risk).ShouldBe(Risk.Critical);
    }

    [Fact]
    public void Match_HugeWord_DoesNotThrow()
    {
        var huge = new string('a', 1_000_000);

        var match = ToolCatalog.Default.Match("git", [CommandLine.Literal(huge), CommandLine.Literal("--" + huge)]);

        match.ShouldNotBeNull();
        match.RuleId.ShouldBe("git.unknown");
    }

    [Fact]
    public void Match_DeepForwardingChain_StopsAtTheLimit()
    {
        var arguments = new List<Word>();
        for (var i = 0; i < 10_000; i++)
        {
            arguments.Add(CommandLine.Literal("npx"));
        }

        arguments.Add(CommandLine.Literal("rm"));

        var match = ToolCatalog.Default.Match("npx", arguments);

        match.ShouldNotBeNull();
    }
}
