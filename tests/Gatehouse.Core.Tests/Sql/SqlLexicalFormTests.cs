using System.Diagnostics;
using System.Text;
using Gatehouse.Core.Model;
using Gatehouse.Core.Sql;

namespace Gatehouse.Core.Tests.Sql;

public sealed class SqlLexicalFormTests
{
    [Theory]
    [InlineData("SELECT 'a;b'; DROP TABLE t", "t")]
    [InlineData("SELECT 'it''s; fine'; DROP TABLE t", "t")]
    [InlineData("SELECT E'it\\'s; fine'; DROP TABLE t", "t")]
    [InlineData("SELECT U&'d\\0061t\\+000061'; DROP TABLE t", "t")]
    [InlineData("SELECT B'1010', X'1F'; DROP TABLE t", "t")]
    [InlineData("SELECT 1; -- a bare carriage return ends this comment\rDROP TABLE t", "t")]
    [InlineData("SELECT $$ ; DROP TABLE decoy; $$; DROP TABLE t", "t")]
    [InlineData("SELECT $tag$ $$ ; $notag$ $tag$; DROP TABLE t", "t")]
    [InlineData("SELECT 1 /* a /* nested ; */ still ; comment */; DROP TABLE t", "t")]
    [InlineData("SELECT \"weird;name\" FROM x; DROP TABLE t", "t")]
    [InlineData("SELECT \"a\"\"b\" FROM x; DROP TABLE t", "t")]
    [InlineData("SELECT (1; DROP TABLE t", null)]
    [InlineData("DROP/**/TABLE/**/t", "t")]
    [InlineData("DROP\nTABLE\n\tt", "t")]
    [InlineData("drop table U&\"t\"", "t")]
    [InlineData("SELECT $1; DROP TABLE t", "t")]
    [InlineData("SELECT a$b FROM x; DROP TABLE t", "t")]
    public void Classify_LexicalForm_FindsTheDrop(string sql, string? table)
    {
        var actions = SqlClassifier.Classify(sql);
        if (table is null)
        {
            ((int)SqlExpect.Strictest(actions).Risk).ShouldBeGreaterThanOrEqualTo((int)Risk.High);
            actions.ShouldNotContain(a => a.Verb == Verb.Read && a.Risk == Risk.None && actions.Count == 1);
        }
        else
        {
            actions.ShouldContain(a => a.RuleId == "sql.drop-table" && a.Target.Id == table);
            actions.ShouldNotContain(a => a.Target.Id == "decoy");
        }
    }

    [Fact]
    public void Classify_QuotedIdentifier_KeepsCaseWhileUnquotedIsFolded()
    {
        SqlClassifier.Classify("DROP TABLE Sales.\"Q1\"").Single().Target.Id.ShouldBe("sales.Q1");
    }

    [Fact]
    public void Classify_SqlStandardFunctionBody_StaysOneStatement()
    {
        var actions = SqlClassifier.Classify("CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END; DROP TABLE t;");
        actions.Select(a => a.RuleId).ShouldBe(["sql.create-function", "sql.drop-table"]);
    }

    [Fact]
    public void Classify_CreateFunctionWithDollarBody_StaysOneStatement()
    {
        var sql = "CREATE FUNCTION f() RETURNS void AS $fn$ BEGIN DELETE FROM a; DROP TABLE b; END; $fn$ LANGUAGE plpgsql";
        SqlClassifier.Classify(sql).Single().RuleId.ShouldBe("sql.create-function");
    }

    [Theory]
    [InlineData("SELECT 'unterminated")]
    [InlineData("SELECT \"unterminated")]
    [InlineData("SELECT $$ never closed")]
    [InlineData("SELECT $x$ never closed $y$")]
    [InlineData("SELECT 1 /* unterminated")]
    [InlineData("SELECT 1 /* nested /* once */")]
    [InlineData("SELECT (1")]
    [InlineData("SELECT 1)")]
    [InlineData("SELECT E'escaped quote \\'")]
    public void Classify_Unparseable_YieldsOpaqueParseError(string sql)
    {
        var action = SqlClassifier.Classify(sql).Single();
        action.Verb.ShouldBe(Verb.Unknown);
        action.Risk.ShouldBe(Risk.High);
        action.Tags.ShouldBe([Tags.Opaque, Tags.ParseError], ignoreOrder: true);
    }

    [Theory]
    [InlineData("hello world")]
    [InlineData("FROBNICATE TABLE t")]
    [InlineData("42")]
    [InlineData("'string'")]
    [InlineData("DROP WIDGET w")]
    [InlineData("CREATE WIDGET w")]
    [InlineData("ALTER WIDGET w")]
    public void Classify_UnrecognizedStatement_YieldsOpaqueHigh(string sql)
    {
        var action = SqlClassifier.Classify(sql).Single();
        action.Verb.ShouldBe(Verb.Unknown);
        action.Risk.ShouldBe(Risk.High);
        action.HasTag(Tags.Opaque).ShouldBeTrue();
    }

    [Fact]
    public void Classify_StatementBeforeLexError_IsStillReported()
    {
        var actions = SqlClassifier.Classify("DROP TABLE t; SELECT 'oops");
        actions.ShouldContain(a => a.RuleId == "sql.drop-table");
        actions.ShouldContain(a => a.HasTag(Tags.ParseError));
    }

    [Fact]
    public void Classify_MySqlBlockComment_DoesNotNest()
    {
        // MySQL ends the comment at the first */, so the DROP after it runs.
        var actions = SqlClassifier.Classify("/* a /* b */ DROP TABLE t; -- */", SqlDialect.MySql);
        actions.ShouldContain(a => a.RuleId == "sql.drop-table");
    }

    [Fact]
    public void Classify_DeepParentheses_IsOpaqueWithoutStackOverflow()
    {
        var sql = "SELECT " + new string('(', 10_000) + "1" + new string(')', 10_000);
        var action = SqlClassifier.Classify(sql).Single();
        action.Verb.ShouldBe(Verb.Unknown);
        action.HasTag(Tags.ParseError).ShouldBeTrue();
    }

    [Fact]
    public void Classify_DeeplyNestedSubqueriesWithinLimit_AreFollowed()
    {
        var sql = "SELECT * FROM " + string.Concat(Enumerable.Repeat("(SELECT * FROM ", 150)) + "(DELETE FROM t RETURNING *)" + new string(')', 150);
        var actions = SqlClassifier.Classify(sql);
        actions.ShouldContain(a => a.Verb == Verb.Delete || a.Verb == Verb.Unknown);
    }

    [Fact]
    public void Classify_TenThousandStatements_IsLinearAndComplete()
    {
        var builder = new StringBuilder();
        for (var i = 0; i < 10_000; i++)
        {
            builder.Append("UPDATE t").Append(i).Append(" SET a = 1 WHERE id = ").Append(i).Append(";\n");
        }

        var stopwatch = Stopwatch.StartNew();
        var actions = SqlClassifier.Classify(builder.ToString());
        stopwatch.Stop();
        actions.Count.ShouldBe(10_000);
        stopwatch.ElapsedMilliseconds.ShouldBeLessThan(10_000);
    }

    [Fact]
    public void Classify_OneMegabyteInput_CompletesQuickly()
    {
        var builder = new StringBuilder("SELECT ");
        while (builder.Length < SqlClassifier.MaxInputLength - 20)
        {
            builder.Append("a + ");
        }

        builder.Append("1 FROM t");
        var stopwatch = Stopwatch.StartNew();
        SqlClassifier.Classify(builder.ToString()).Single().Verb.ShouldBe(Verb.Read);
        stopwatch.ElapsedMilliseconds.ShouldBeLessThan(10_000);
    }

    [Fact]
    public void Classify_OversizedInput_IsOpaque()
    {
        var action = SqlClassifier.Classify(new string(' ', SqlClassifier.MaxInputLength + 1)).Single();
        action.Verb.ShouldBe(Verb.Unknown);
        action.Risk.ShouldBe(Risk.High);
    }

    [Fact]
    public void Classify_LongOrChain_IsLinear()
    {
        var sql = "DELETE FROM t WHERE " + string.Join(" OR ", Enumerable.Range(0, 20_000).Select(i => "id = " + i));
        var stopwatch = Stopwatch.StartNew();
        SqlClassifier.Classify(sql).Single().Risk.ShouldBe(Risk.High);
        stopwatch.ElapsedMilliseconds.ShouldBeLessThan(10_000);
    }

    [Fact]
    public void Classify_ManyDistinctFunctions_IsLinear()
    {
        var sql = "SELECT " + string.Join(", ", Enumerable.Range(0, 50_000).Select(i => "f" + i + "(1)"));
        var stopwatch = Stopwatch.StartNew();
        var actions = SqlClassifier.Classify(sql);
        stopwatch.ElapsedMilliseconds.ShouldBeLessThan(10_000);
        actions.Count(a => a.RuleId == "sql.fn.unknown").ShouldBe(50_000);
    }

    [Fact]
    public void Classify_HugeDottedName_IsLinear()
    {
        var sql = "DROP TABLE " + string.Concat(Enumerable.Repeat("a.", 200_000)) + "a";
        var stopwatch = Stopwatch.StartNew();
        SqlClassifier.Classify(sql).Single().Risk.ShouldBe(Risk.Critical);
        stopwatch.ElapsedMilliseconds.ShouldBeLessThan(10_000);
    }
}
