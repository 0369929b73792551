using System.Diagnostics;
using Gatehouse.Core.Catalog;
using Gatehouse.Core.Interpreters;
using Gatehouse.Core.Model;

namespace Gatehouse.Core.Tests.Interpreters;

public sealed class ScannerRobustnessTests
{
    [Theory]
    [InlineData(EmbeddedLanguage.Sql)]
    [InlineData(EmbeddedLanguage.Shell)]
    [InlineData(EmbeddedLanguage.Mongo)]
    [InlineData(EmbeddedLanguage.Redis)]
    public void Scan_UnsupportedLanguage_IsOpaqueHighExecute(EmbeddedLanguage language)
    {
        var action = InterpreterScanner.Scan(language, "anything").Actions.ShouldHaveSingleItem();
        action.Verb.ShouldBe(Verb.Execute);
        action.Risk.ShouldBe(Risk.High);
        action.HasTag(Tags.Opaque).ShouldBeTrue();
    }

    [Theory]
    [InlineData(EmbeddedLanguage.Python)]
    [InlineData(EmbeddedLanguage.JavaScript)]
    [InlineData(EmbeddedLanguage.Ruby)]
    [InlineData(EmbeddedLanguage.Perl)]
    [InlineData(EmbeddedLanguage.Php)]
    public void Scan_EmptyCode_FindsNothing(EmbeddedLanguage language)
    {
        InterpreterScanner.Scan(language, string.Empty).ShouldBeSameAs(InterpreterScanResult.Empty);
        InterpreterScanner.Scan(language, "   \n\t ").Actions.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(EmbeddedLanguage.Python, "(")]
    [InlineData(EmbeddedLanguage.JavaScript, "[")]
    [InlineData(EmbeddedLanguage.Ruby, "{")]
    [InlineData(EmbeddedLanguage.Perl, "(")]
    [InlineData(EmbeddedLanguage.Php, "[")]
    public void Scan_TenThousandDeepBrackets_FailsClosedWithoutOverflow(EmbeddedLanguage language, string open)
    {
        var code = string.Concat(Enumerable.Repeat(open, 10_000));
        InterpreterScanner.Scan(language, code).IsOpaque().ShouldBeTrue();
    }

    [Fact]
    public void Scan_DeeplyNestedBalancedCalls_CompletesWithoutOverflow()
    {
        var code = "import os; os.system(" + string.Concat(Enumerable.Repeat("str(", 10_000)) + "'x'" + new string(')', 10_001);
        var result = InterpreterScanner.Scan(EmbeddedLanguage.Python, code);
        result.Actions.ShouldNotBeEmpty();
    }

    [Fact]
    public void Scan_DeeplyNestedTemplateLiterals_FailsClosedWithoutOverflow()
    {
        var code = "const x = " + string.Concat(Enumerable.Repeat("`${", 10_000)) + "1" + string.Concat(Enumerable.Repeat("}`", 10_000));
        InterpreterScanner.Scan(EmbeddedLanguage.JavaScript, code).IsOpaque().ShouldBeTrue();
    }

    [Fact]
    public void Scan_DeeplyNestedFStrings_FailsClosedWithoutOverflow()
    {
        var code = "x = " + string.Concat(Enumerable.Repeat("f'{", 5_000)) + "1" + string.Concat(Enumerable.Repeat("}'", 5_000));
        InterpreterScanner.Scan(EmbeddedLanguage.Python, code).IsOpaque().ShouldBeTrue();
    }

    [Fact]
    public void Scan_NestedLiteralExec_StopsAtDepthLimitAsOpaque()
    {
        var code = "shutil.rmtree('/')";
        for (var i = 0; i < 8; i++)
        {
            code = "exec(" + Quote(code) + ")";
        }

        InterpreterScanner.Scan(EmbeddedLanguage.Python, code).IsOpaque().ShouldBeTrue();

        static string Quote(string s) => "'" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
    }

    [Theory]
    [InlineData(EmbeddedLanguage.Python, "import shutil\nshutil.rmtree('build')\nprint('x' * 10)\n")]
    [InlineData(EmbeddedLanguage.JavaScript, "const fs = require('fs');\nfs.rmSync('dist', {recursive: true});\nconsole.log(`a ${b}`);\n")]
    [InlineData(EmbeddedLanguage.Ruby, "FileUtils.rm_rf('tmp')\nputs \"#{x}\"\n")]
    [InlineData(EmbeddedLanguage.Perl, "unlink 'x.tmp';\nprint \"$y\\n\";\n")]
    [InlineData(EmbeddedLanguage.Php, "unlink('x.tmp');\necho \"$y\";\n")]
    public void Scan_OneMegabyteScript_CompletesQuickly(EmbeddedLanguage language, string chunk)
    {
        var code = string.Concat(Enumerable.Repeat(chunk, (1 << 20) / chunk.Length));
        var watch = Stopwatch.StartNew();
        var result = InterpreterScanner.Scan(language, code);
        watch.Stop();
        result.Actions.ShouldNotBeEmpty();
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Scan_OneMegabyteString_CompletesQuickly()
    {
        var code = "print('" + new string('a', 1 << 20) + "')";
        var watch = Stopwatch.StartNew();
        InterpreterScanner.Scan(EmbeddedLanguage.Python, code).Actions.ShouldBeEmpty();
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2));
    }

    [Theory]
    [InlineData(EmbeddedLanguage.Python, "\u0000\u0001\uFFFF'")]
    [InlineData(EmbeddedLanguage.JavaScript, "`${'`}")]
    [InlineData(EmbeddedLanguage.Ruby, "%q")]
    [InlineData(EmbeddedLanguage.Ruby, ":")]
    [InlineData(EmbeddedLanguage.Perl, "s{a}")]
    [InlineData(EmbeddedLanguage.Perl, "$")]
    [InlineData(EmbeddedLanguage.Php, "<<<")]
    [InlineData(EmbeddedLanguage.Php, "\"{$")]
    [InlineData(EmbeddedLanguage.Python, "f'{'")]
    [InlineData(EmbeddedLanguage.Python, "'\\x'")]
    [InlineData(EmbeddedLanguage.JavaScript, "'\\u{110000}'")]
    public void Scan_HostileFragments_NeverThrow(EmbeddedLanguage language, string code)
    {
        Should.NotThrow(() => InterpreterScanner.Scan(language, code));
    }
}
