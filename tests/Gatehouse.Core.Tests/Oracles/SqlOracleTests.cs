using System.Text;
using Gatehouse.Core.Model;
using Gatehouse.Core.Sql;

namespace Gatehouse.Core.Tests.Oracles;

/// <summary>
/// Compares the classifier's statement split and statement kinds with PostgreSQL's own parser
/// (libpg_query) over tests/oracles/sql-corpus.yaml. Every disagreement fails; so does any entry the
/// parser accepts and we cannot parse, and any entry we parse that the parser rejects (unless marked).
/// </summary>
public sealed class SqlOracleTests
{
    /// <summary>Our statement kinds and the libpg_query node each one must be.</summary>
    private static readonly Dictionary<string, string> NodeForKind = new(StringComparer.Ordinal)
    {
        ["select"] = "SelectStmt",
        ["insert"] = "InsertStmt",
        ["update"] = "UpdateStmt",
        ["delete"] = "DeleteStmt",
        ["merge"] = "MergeStmt",
        ["explain"] = "ExplainStmt",
        ["copy"] = "CopyStmt",
        ["prepare"] = "PrepareStmt",
        ["execute"] = "ExecuteStmt",
        ["deallocate"] = "DeallocateStmt",
        ["declare"] = "DeclareCursorStmt",
        ["fetch"] = "FetchStmt",
        ["close"] = "ClosePortalStmt",
        ["call"] = "CallStmt",
        ["do"] = "DoStmt",
        ["truncate"] = "TruncateStmt",
        ["comment"] = "CommentStmt",
        ["security-label"] = "SecLabelStmt",
        ["refresh"] = "RefreshMatViewStmt",
        ["discard"] = "DiscardStmt",
        ["lock"] = "LockStmt",
        ["checkpoint"] = "CheckPointStmt",
        ["notify"] = "NotifyStmt",
        ["listen"] = "ListenStmt",
        ["unlisten"] = "UnlistenStmt",
        ["load"] = "LoadStmt",
        ["cluster"] = "ClusterStmt",
        ["reindex"] = "ReindexStmt",
        ["vacuum"] = "VacuumStmt",
        ["show"] = "VariableShowStmt",
        ["set"] = "VariableSetStmt",
        ["set-constraints"] = "ConstraintsSetStmt",
        ["transaction"] = "TransactionStmt",
        ["grant"] = "GrantStmt",
        ["grant-role"] = "GrantRoleStmt",
        ["import-foreign-schema"] = "ImportForeignSchemaStmt",
        ["reassign-owned"] = "ReassignOwnedStmt",
        ["create-table"] = "CreateStmt",
        ["create-table-as"] = "CreateTableAsStmt",
        ["create-view"] = "ViewStmt",
        ["create-index"] = "IndexStmt",
        ["create-sequence"] = "CreateSeqStmt",
        ["create-schema"] = "CreateSchemaStmt",
        ["create-extension"] = "CreateExtensionStmt",
        ["create-database"] = "CreatedbStmt",
        ["create-domain"] = "CreateDomainStmt",
        ["create-policy"] = "CreatePolicyStmt",
        ["create-rule"] = "RuleStmt",
        ["create-tablespace"] = "CreateTableSpaceStmt",
        ["create-cast"] = "CreateCastStmt",
        ["create-server"] = "CreateForeignServerStmt",
        ["create-publication"] = "CreatePublicationStmt",
        ["create-subscription"] = "CreateSubscriptionStmt",
        ["create-statistics"] = "CreateStatsStmt",
        ["create-language"] = "CreatePLangStmt",
        ["create-conversion"] = "CreateConversionStmt",
        ["create-transform"] = "CreateTransformStmt",
        ["create-collation"] = "DefineStmt",
        ["create-aggregate"] = "DefineStmt",
        ["create-operator"] = "DefineStmt",
        ["create-text-search"] = "DefineStmt",
        ["create-type"] = "DefineStmt",
        ["create-type-enum"] = "CreateEnumStmt",
        ["create-type-range"] = "CreateRangeStmt",
        ["create-type-composite"] = "CompositeTypeStmt",
        ["create-operator-class"] = "CreateOpClassStmt",
        ["create-operator-family"] = "CreateOpFamilyStmt",
        ["create-access-method"] = "CreateAmStmt",
        ["create-function"] = "CreateFunctionStmt",
        ["create-trigger"] = "CreateTrigStmt",
        ["create-event-trigger"] = "CreateEventTrigStmt",
        ["create-role"] = "CreateRoleStmt",
        ["create-user-mapping"] = "CreateUserMappingStmt",
        ["create-foreign-table"] = "CreateForeignTableStmt",
        ["create-foreign-data-wrapper"] = "CreateFdwStmt",
        ["drop"] = "DropStmt",
        ["drop-database"] = "DropdbStmt",
        ["drop-role"] = "DropRoleStmt",
        ["drop-user-mapping"] = "DropUserMappingStmt",
        ["drop-tablespace"] = "DropTableSpaceStmt",
        ["drop-owned"] = "DropOwnedStmt",
        ["drop-subscription"] = "DropSubscriptionStmt",
        ["alter-table"] = "AlterTableStmt",
        ["alter-table-move-all"] = "AlterTableMoveAllStmt",
        ["alter-rename"] = "RenameStmt",
        ["alter-owner"] = "AlterOwnerStmt",
        ["alter-set-schema"] = "AlterObjectSchemaStmt",
        ["alter-depends"] = "AlterObjectDependsStmt",
        ["alter-sequence"] = "AlterSeqStmt",
        ["alter-role"] = "AlterRoleStmt",
        ["alter-role-set"] = "AlterRoleSetStmt",
        ["alter-database"] = "AlterDatabaseStmt",
        ["alter-database-set"] = "AlterDatabaseSetStmt",
        ["alter-database-refresh"] = "AlterDatabaseRefreshCollStmt",
        ["alter-function"] = "AlterFunctionStmt",
        ["alter-enum"] = "AlterEnumStmt",
        ["alter-type"] = "AlterTypeStmt",
        ["alter-domain"] = "AlterDomainStmt",
        ["alter-extension"] = "AlterExtensionStmt",
        ["alter-extension-contents"] = "AlterExtensionContentsStmt",
        ["alter-text-search-dictionary"] = "AlterTSDictionaryStmt",
        ["alter-text-search-configuration"] = "AlterTSConfigurationStmt",
        ["alter-policy"] = "AlterPolicyStmt",
        ["alter-publication"] = "AlterPublicationStmt",
        ["alter-subscription"] = "AlterSubscriptionStmt",
        ["alter-server"] = "AlterForeignServerStmt",
        ["alter-statistics"] = "AlterStatsStmt",
        ["alter-collation"] = "AlterCollationStmt",
        ["alter-operator"] = "AlterOperatorStmt",
        ["alter-tablespace-options"] = "AlterTableSpaceOptionsStmt",
        ["alter-event-trigger"] = "AlterEventTrigStmt",
        ["alter-foreign-data-wrapper"] = "AlterFdwStmt",
        ["alter-user-mapping"] = "AlterUserMappingStmt",
        ["alter-system"] = "AlterSystemStmt",
        ["alter-default-privileges"] = "AlterDefaultPrivilegesStmt",
    };

    public static IEnumerable<object[]> CorpusIds() => SqlOracleCorpus.Ids();

    [Theory]
    [MemberData(nameof(CorpusIds))]
    public void Split_CorpusEntry_AgreesWithPostgreSqlParser(string id)
    {
        var entry = SqlOracleCorpus.Get(id);
        SqlOracleProcess.All.TryGetValue(id, out var oracle).ShouldBeTrue($"the oracle gave no answer for {id}");
        var ours = SqlStatementInspector.Inspect(entry.Sql);
        var ourErrors = ours.Where(s => s.Error is not null).Select(s => s.Error).ToList();
        var rejectsExpected = string.Equals(entry.Oracle, "rejects", StringComparison.Ordinal);

        if (!oracle!.Ok)
        {
            rejectsExpected.ShouldBeTrue($"PostgreSQL rejects {id} ({oracle.Error}) but the entry is not marked 'oracle: rejects'");
            return;
        }

        rejectsExpected.ShouldBeFalse($"{id} is marked 'oracle: rejects' but PostgreSQL parses it");
        ourErrors.ShouldBeEmpty($"PostgreSQL parses {id} but our splitter reports an error");
        var parseErrors = SqlClassifier.Classify(entry.Sql).Where(a => a.Tags.Contains(Tags.ParseError)).Select(a => a.Reason).ToList();
        parseErrors.ShouldBeEmpty($"PostgreSQL parses {id} but our classifier reports a parse error");

        Describe(ours.Select(s => (s.Kind, s.Text)))
            .ShouldBe(Describe(oracle.Statements.Select(s => (s.Kind, s.Text))), $"statement split of {id}");

        for (var i = 0; i < ours.Count; i++)
        {
            NodeForKind.TryGetValue(ours[i].Kind, out var node).ShouldBeTrue($"statement {i + 1} of {id}: our kind '{ours[i].Kind}' has no libpg_query node mapped");
            node.ShouldBe(oracle.Statements[i].Kind, $"statement {i + 1} of {id} (ours: '{ours[i].Kind}')");
        }
    }

    [Fact]
    public void Corpus_EveryEntry_ClassifiesWithoutInternalError()
    {
        SqlOracleCorpus.Entries.Count.ShouldBeGreaterThanOrEqualTo(500);
        foreach (var entry in SqlOracleCorpus.Entries)
        {
            // The analyzer itself, not the public entry point that turns its defects into an opaque action.
            Should.NotThrow(() => SqlAnalyzer.AnalyzeText(entry.Sql, SqlDialect.PostgreSql), $"analyzer threw on {entry.Id}");
            entry.Note.ShouldNotBeNullOrWhiteSpace($"{entry.Id} has no note");
        }
    }

    /// <summary>One line per statement: its count position, normalised text and (for ours) kind, so a mismatch reads at once.</summary>
    private static string Describe(IEnumerable<(string Kind, string Text)> statements)
    {
        var builder = new StringBuilder();
        foreach (var (_, text) in statements)
        {
            builder.Append(Normalize(text)).Append('\n');
        }

        return builder.ToString();
    }

    private static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space && builder.Length > 0)
            {
                builder.Append(' ');
            }

            space = false;
            builder.Append(c);
        }

        var normalized = builder.ToString();
        return normalized.EndsWith(';') ? normalized[..^1].TrimEnd() : normalized;
    }
}
