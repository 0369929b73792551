using Gatehouse.Core.Hooks;
using Gatehouse.Core.Model;

namespace Gatehouse.Core.Tests.Hooks;

public sealed class ApplyPatchFilesTests
{
    [Fact]
    public void Parse_CodexEnvelope_NamesEveryFileAndVerb()
    {
        const string Patch = "*** Begin Patch\n*** Add File: a.txt\n+x\n*** Update File: src/b.rs\n*** Move to: src/c.rs\n@@\n-a\n+b\n*** Delete File: d.md\n*** End Patch";

        ApplyPatchFiles.Parse(Patch).ShouldBe([("a.txt", Verb.Create), ("src/b.rs", Verb.Update), ("src/c.rs", Verb.Update), ("d.md", Verb.Delete)]);
    }

    [Fact]
    public void Parse_UnifiedDiff_NamesFiles()
    {
        const string Patch = "--- a/x.cs\n+++ b/x.cs\n@@\n--- a/gone.cs\n+++ /dev/null\n--- /dev/null\n+++ b/new.cs\n";

        ApplyPatchFiles.Parse(Patch).ShouldBe([("x.cs", Verb.Update), ("gone.cs", Verb.Delete), ("new.cs", Verb.Create)]);
    }
}
