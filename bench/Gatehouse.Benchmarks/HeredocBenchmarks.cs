using System.Text;
using BenchmarkDotNet.Attributes;
using Gatehouse.Core;
using Gatehouse.Core.Decisions;
using Gatehouse.Core.Model;
using Gatehouse.Core.Policy;

namespace Gatehouse.Benchmarks;

/// <summary>
/// A 10 KB heredoc: written to a notes file (data), and fed to psql (classified as SQL); decided over the
/// default policy set. Target: under 200 µs.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class HeredocBenchmarks
{
    private string _notes = string.Empty;
    private string _sql = string.Empty;
    private readonly DecisionContext _context = DecisionContext.Anonymous(TimeProvider.System);

    [GlobalSetup]
    public void Setup()
    {
        var notes = new StringBuilder("cat <<'EOF' > NOTES.md\n");
        var sql = new StringBuilder("psql -h db.staging.internal <<'SQL'\n");
        var line = 0;
        while (notes.Length < 10 * 1024)
        {
            notes.Append("- step ").Append(line).Append(": never run `rm -rf /` or `git reset --hard` on shared branches\n");
            sql.Append("SELECT id, email FROM users WHERE id = ").Append(line).Append(" AND deleted_at IS NULL;\n");
            line++;
        }

        _notes = notes.Append("EOF").ToString();
        _sql = sql.Append("SQL").ToString();
        PolicyDecider.Default.Decide(ActionClassifier.Classify(InputKind.Shell, "true"), _context);
    }

    [Benchmark]
    public Decision NotesHeredoc10KB() => PolicyDecider.Default.Decide(ActionClassifier.Classify(InputKind.Shell, _notes), _context).Decision;

    [Benchmark]
    public Decision SqlHeredoc10KB() => PolicyDecider.Default.Decide(ActionClassifier.Classify(InputKind.Shell, _sql), _context).Decision;
}
