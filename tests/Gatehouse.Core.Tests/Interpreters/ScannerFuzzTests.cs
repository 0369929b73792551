using Gatehouse.Core.Catalog;
using Gatehouse.Core.Interpreters;
using Xunit.Abstractions;

namespace Gatehouse.Core.Tests.Interpreters;

/// <summary>Random code-like input must never reach the scanner's internal-error path.</summary>
public sealed class ScannerFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public void Scan_RandomCodeLikeInput_NeverFailsInternally()
    {
        var rng = new Random(42);
        const string alphabet = "abcdefsqxyrmo_$@%&*()[]{}<>'\"`#/\\.,;:=+-!?|~ \n\t0123456789";
        string[] pieces = ["os.system(", "require('fs')", "<<EOF\n", "EOF\n", "${", "#{", "f'{", "q(", "%w[", "->", "::", "=>", "`", "\"", "'", "shutil.rmtree(", "exec(", "eval(", "getattr(os,", "send(:", "$f(", "foreach (", "for x in ", ".each { |f| ", "Dir[", "import ", "from x import ", "const {a} = ", "import {a as b} from 'fs'"];
        var langs = new[] { EmbeddedLanguage.Python, EmbeddedLanguage.JavaScript, EmbeddedLanguage.Ruby, EmbeddedLanguage.Perl, EmbeddedLanguage.Php };
        var failures = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var len = rng.Next(1, 60);
            var sb = new System.Text.StringBuilder();
            while (sb.Length < len)
            {
                if (rng.Next(4) == 0)
                {
                    sb.Append(pieces[rng.Next(pieces.Length)]);
                }
                else
                {
                    sb.Append(alphabet[rng.Next(alphabet.Length)]);
                }
            }

            var code = sb.ToString();
            foreach (var lang in langs)
            {
                var r = InterpreterScanner.Scan(lang, code);
                if (r.Actions.Any(a => a.RuleId.EndsWith("scan-error", StringComparison.Ordinal)))
                {
                    if (failures++ < 15)
                    {
                        output.WriteLine($"{lang}: {code.Replace("\n", "\\n", StringComparison.Ordinal)}");
                    }
                }
            }
        }

        failures.ShouldBe(0);
    }
}
