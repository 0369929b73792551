using Gatehouse.Core.Catalog;

namespace Gatehouse.Core.Tests.Catalog;

public sealed class ArgumentParsingTests
{
    private static readonly ArgumentSyntax Bundling = new(
        new HashSet<string>(["-n", "--namespace", "-c"], StringComparer.Ordinal),
        new HashSet<string>(["-p"], StringComparer.Ordinal),
        BundlesShortFlags: true,
        OptionsEndAfter: 0);

    private static readonly ArgumentSyntax Plain = Bundling with { BundlesShortFlags = false };

    [Fact]
    public void Parse_BundledShortFlags_SplitsThem()
    {
        var parsed = Parse(Bundling, "-rf x");

        parsed.Flags.Select(f => f.Name).ShouldBe(["-r", "-f"]);
        parsed.Positionals.Select(p => p.Text).ShouldBe(["x"]);
    }

    [Fact]
    public void Parse_BundleEndingInValueFlag_TakesNextWord()
    {
        var parsed = Parse(Bundling, "-vn prod get");

        parsed.Flags.ShouldContain(f => f.Name == "-n" && f.Value == "prod");
        parsed.Positionals.Select(p => p.Text).ShouldBe(["get"]);
    }

    [Fact]
    public void Parse_AttachedValue_InBundle()
    {
        var parsed = Parse(Bundling, "-cSELECT -psecret db");

        parsed.Flags.ShouldContain(f => f.Name == "-c" && f.Value == "SELECT");
        parsed.Flags.ShouldContain(f => f.Name == "-p" && f.Value == "secret");
        parsed.Positionals.Select(p => p.Text).ShouldBe(["db"]);
    }

    [Fact]
    public void Parse_LongFlagWithEquals_SplitsNameAndValue()
    {
        var parsed = Parse(Plain, "--namespace=prod --dry-run=client x");

        parsed.Flags.ShouldContain(f => f.Name == "--namespace" && f.Value == "prod");
        parsed.Flags.ShouldContain(f => f.Name == "--dry-run" && f.Value == "client");
        parsed.Positionals.Count.ShouldBe(1);
    }

    [Fact]
    public void Parse_SingleDashLongFlag_WithoutBundling_StaysWhole()
    {
        var parsed = Parse(Plain, "-auto-approve -var-file=prod.tfvars");

        parsed.Flags.Select(f => f.Name).ShouldBe(["-auto-approve", "-var-file"]);
    }

    [Fact]
    public void Parse_DoubleDash_EndsOptions()
    {
        var parsed = Parse(Bundling, "-r -- -f x");

        parsed.Flags.Select(f => f.Name).ShouldBe(["-r", "--"]);
        parsed.Positionals.Select(p => p.Text).ShouldBe(["-f", "x"]);
    }

    [Fact]
    public void Parse_ValueFlagBeforeAnotherOption_DoesNotSwallowIt()
    {
        var parsed = Parse(Plain, "-n --all");

        parsed.HasFlag("--all").ShouldBeTrue();
    }

    [Fact]
    public void Parse_OptionsEndAfterScript_KeepsScriptArguments()
    {
        var parsed = Parse(Bundling with { OptionsEndAfter = 1 }, "manage.py shell -c code");

        parsed.HasFlag("-c").ShouldBeFalse();
        parsed.Positionals.Count.ShouldBe(4);
    }

    private static ParsedArguments Parse(ArgumentSyntax syntax, string line) =>
        ParsedArguments.Parse(line.Split(' ').Select(CommandLine.Word).ToArray(), syntax);
}
