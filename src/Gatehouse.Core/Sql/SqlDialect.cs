namespace Gatehouse.Core.Sql;

/// <summary>The SQL dialect whose lexical and statement rules apply to the input.</summary>
public enum SqlDialect
{
    PostgreSql,
    MySql,
    Sqlite,
}
