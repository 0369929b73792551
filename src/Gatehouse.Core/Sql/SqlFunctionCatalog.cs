using System.Collections.Frozen;
using Gatehouse.Core.Model;

namespace Gatehouse.Core.Sql;

/// <summary>What calling a function with a known side effect does.</summary>
internal sealed record SqlFunctionEffect(Verb Verb, Risk Risk, string RuleId, string Reason, string[] Tags, bool RunsSqlArgument = false);

/// <summary>
/// Functions the classifier knows. Policy: a known side-effect function yields its effect; a known pure
/// function yields nothing; any other function (user-defined, extension) yields Execute Medium tagged
/// opaque, raised to High when its name announces destruction (delete, drop, purge…). Reads stay
/// allowed that way while what ran stays on record, and obviously destructive helpers still need approval.
/// </summary>
internal static class SqlFunctionCatalog
{
    private static readonly string[] None = [];

    private static readonly FrozenDictionary<string, SqlFunctionEffect> SideEffects = new Dictionary<string, SqlFunctionEffect>(StringComparer.Ordinal)
    {
        ["pg_terminate_backend"] = new(Verb.Update, Risk.High, "sql.fn.terminate-backend", "pg_terminate_backend kills other sessions", None),
        ["pg_cancel_backend"] = new(Verb.Update, Risk.High, "sql.fn.cancel-backend", "pg_cancel_backend cancels other sessions' queries", None),
        ["lo_unlink"] = new(Verb.Delete, Risk.High, "sql.fn.lo-unlink", "lo_unlink deletes a large object", None),
        ["lo_truncate"] = new(Verb.Delete, Risk.High, "sql.fn.lo-truncate", "lo_truncate discards large-object data", None),
        ["lo_import"] = new(Verb.Read, Risk.High, "sql.fn.lo-import", "lo_import reads a file of the database host", [Tags.CredentialAccess, Tags.ServerFileRead]),
        ["lo_export"] = new(Verb.Create, Risk.High, "sql.fn.lo-export", "lo_export writes a file on the database host", [Tags.ServerFileWrite]),
        ["lo_from_bytea"] = new(Verb.Create, Risk.Low, "sql.fn.lo-create", "creates a large object", None),
        ["lo_create"] = new(Verb.Create, Risk.Low, "sql.fn.lo-create", "creates a large object", None),
        ["lo_put"] = new(Verb.Update, Risk.Medium, "sql.fn.lo-put", "writes into a large object", None),
        ["pg_drop_replication_slot"] = new(Verb.Delete, Risk.High, "sql.fn.drop-replication-slot", "drops a replication slot that replicas or CDC depend on", None),
        ["pg_replication_origin_drop"] = new(Verb.Delete, Risk.High, "sql.fn.drop-replication-origin", "drops a replication origin", None),
        ["pg_create_logical_replication_slot"] = new(Verb.Create, Risk.Medium, "sql.fn.create-replication-slot", "creates a replication slot that retains WAL", None),
        ["pg_create_physical_replication_slot"] = new(Verb.Create, Risk.Medium, "sql.fn.create-replication-slot", "creates a replication slot that retains WAL", None),
        ["pg_reload_conf"] = new(Verb.Update, Risk.High, "sql.fn.reload-conf", "pg_reload_conf applies server configuration changes", None),
        ["pg_promote"] = new(Verb.Update, Risk.Critical, "sql.fn.promote", "pg_promote turns a standby into a primary", None),
        ["pg_wal_replay_pause"] = new(Verb.Update, Risk.High, "sql.fn.wal-replay-pause", "pauses replication replay", None),
        ["pg_rotate_logfile"] = new(Verb.Update, Risk.Low, "sql.fn.rotate-logfile", "rotates the server log file", None),
        ["pg_switch_wal"] = new(Verb.Update, Risk.Medium, "sql.fn.switch-wal", "forces a WAL segment switch", None),
        ["pg_backup_start"] = new(Verb.Update, Risk.Medium, "sql.fn.backup", "starts or stops a base backup", None),
        ["pg_backup_stop"] = new(Verb.Update, Risk.Medium, "sql.fn.backup", "starts or stops a base backup", None),
        ["pg_start_backup"] = new(Verb.Update, Risk.Medium, "sql.fn.backup", "starts or stops a base backup", None),
        ["pg_stop_backup"] = new(Verb.Update, Risk.Medium, "sql.fn.backup", "starts or stops a base backup", None),
        ["dblink_exec"] = new(Verb.Execute, Risk.High, "sql.fn.dblink", "dblink runs SQL on another database", [Tags.Opaque, Tags.Remote], RunsSqlArgument: true),
        ["dblink"] = new(Verb.Execute, Risk.High, "sql.fn.dblink", "dblink runs SQL on another database", [Tags.Opaque, Tags.Remote], RunsSqlArgument: true),
        ["dblink_send_query"] = new(Verb.Execute, Risk.High, "sql.fn.dblink", "dblink runs SQL on another database", [Tags.Opaque, Tags.Remote], RunsSqlArgument: true),
        ["dblink_open"] = new(Verb.Execute, Risk.High, "sql.fn.dblink", "dblink runs SQL on another database", [Tags.Opaque, Tags.Remote], RunsSqlArgument: true),
        ["query_to_xml"] = new(Verb.Read, Risk.None, "sql.fn.query-to-xml", "runs the SQL text it is given", None, RunsSqlArgument: true),
        ["query_to_xmlschema"] = new(Verb.Read, Risk.None, "sql.fn.query-to-xml", "runs the SQL text it is given", None, RunsSqlArgument: true),
        ["query_to_xml_and_xmlschema"] = new(Verb.Read, Risk.None, "sql.fn.query-to-xml", "runs the SQL text it is given", None, RunsSqlArgument: true),
        ["crosstab"] = new(Verb.Read, Risk.None, "sql.fn.crosstab", "runs the SQL text it is given", None, RunsSqlArgument: true),
        ["setval"] = new(Verb.Update, Risk.Medium, "sql.fn.setval", "setval moves a sequence, risking duplicate keys", None),
        ["nextval"] = new(Verb.Update, Risk.Low, "sql.fn.nextval", "nextval advances a sequence", None),
        ["pg_read_file"] = new(Verb.Read, Risk.High, "sql.fn.read-server-file", "reads a file of the database host", [Tags.CredentialAccess]),
        ["pg_read_binary_file"] = new(Verb.Read, Risk.High, "sql.fn.read-server-file", "reads a file of the database host", [Tags.CredentialAccess]),
        ["pg_ls_dir"] = new(Verb.List, Risk.High, "sql.fn.list-server-dir", "lists a directory of the database host", [Tags.CredentialAccess]),
        ["pg_stat_file"] = new(Verb.Read, Risk.Medium, "sql.fn.stat-server-file", "inspects a file of the database host", [Tags.CredentialAccess]),
        ["pg_file_write"] = new(Verb.Update, Risk.High, "sql.fn.write-server-file", "writes a file on the database host", [Tags.ServerFileWrite]),
        ["pg_file_unlink"] = new(Verb.Delete, Risk.High, "sql.fn.delete-server-file", "deletes a file on the database host", None),
        ["pg_file_rename"] = new(Verb.Update, Risk.High, "sql.fn.rename-server-file", "renames a file on the database host", None),
        ["pg_logdir_ls"] = new(Verb.List, Risk.Medium, "sql.fn.list-server-dir", "lists the server log directory", [Tags.CredentialAccess]),
        ["load_file"] = new(Verb.Read, Risk.High, "sql.fn.read-server-file", "LOAD_FILE reads a file of the database host", [Tags.CredentialAccess]),
        ["sys_exec"] = new(Verb.Execute, Risk.Critical, "sql.fn.sys-exec", "runs a shell command on the database host", [Tags.Opaque]),
        ["sys_eval"] = new(Verb.Execute, Risk.Critical, "sql.fn.sys-exec", "runs a shell command on the database host", [Tags.Opaque]),
        ["load_extension"] = new(Verb.Execute, Risk.High, "sql.fn.load-extension", "loads native code into the database", [Tags.Opaque]),
        ["writefile"] = new(Verb.Update, Risk.High, "sql.fn.write-file", "writes a file on the host", [Tags.ServerFileWrite]),
        ["readfile"] = new(Verb.Read, Risk.High, "sql.fn.read-file", "reads a file of the host", [Tags.CredentialAccess]),
        ["edit"] = new(Verb.Execute, Risk.High, "sql.fn.edit", "starts an editor process", [Tags.Opaque]),
        ["fts3_tokenizer"] = new(Verb.Execute, Risk.High, "sql.fn.fts3-tokenizer", "fts3_tokenizer can register native code", [Tags.Opaque]),
        ["pg_notify"] = new(Verb.Update, Risk.Low, "sql.fn.notify", "sends a notification to listeners", None),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Pure = new[]
    {
        // Aggregates and window functions.
        "count", "sum", "avg", "min", "max", "array_agg", "string_agg", "bool_and", "bool_or", "every", "bit_and", "bit_or",
        "bit_xor", "stddev", "stddev_pop", "stddev_samp", "variance", "var_pop", "var_samp", "percentile_cont",
        "percentile_disc", "mode", "rank", "dense_rank", "row_number", "ntile", "lag", "lead", "first_value", "last_value",
        "nth_value", "cume_dist", "percent_rank", "corr", "covar_pop", "covar_samp", "group_concat", "total", "any_value",
        "grouping", "xmlagg", "range_agg", "range_intersect_agg",
        // Strings.
        "lower", "upper", "length", "char_length", "character_length", "octet_length", "bit_length", "substr", "substring",
        "trim", "ltrim", "rtrim", "btrim", "concat", "concat_ws", "replace", "split_part", "left", "right", "lpad", "rpad",
        "repeat", "reverse", "position", "strpos", "initcap", "md5", "sha1", "sha2", "sha224", "sha256", "sha384", "sha512",
        "encode", "decode", "format", "quote_ident", "quote_literal", "quote_nullable", "ascii", "chr", "char", "translate",
        "starts_with", "string_to_array", "string_to_table", "unnest", "overlay", "normalize", "unistr", "instr", "locate",
        "like", "glob", "printf", "quote", "hex", "unhex", "soundex", "difference", "levenshtein", "similarity", "to_hex",
        "char_length", "field", "find_in_set", "elt", "insert", "lcase", "ucase", "mid", "space", "strcmp", "format_bytes",
        "regexp_like", "regexp_instr", "regexp_substr", "regexp_count", "convert", "convert_from", "convert_to", "crc32",
        "base64", "from_base64", "to_base64", "uuid", "uuid_short", "gen_random_uuid", "uuid_generate_v4",
        "uuid_generate_v1", "uuidv4", "uuidv7", "gen_random_bytes", "digest", "hmac", "crypt", "gen_salt", "random",
        "randomblob", "zeroblob", "rand", "unicode", "char_length", "ilike", "bin", "oct", "ord",
        // Numbers.
        "abs", "ceil", "ceiling", "floor", "round", "trunc", "truncate", "sqrt", "cbrt", "power", "pow", "exp", "ln", "log",
        "log10", "log2", "mod", "sign", "div", "pi", "degrees", "radians", "sin", "cos", "tan", "asin", "acos", "atan", "atan2",
        "cot", "width_bucket", "greatest", "least", "gcd", "lcm", "factorial", "scale", "setseed",
        // Dates and times.
        "now", "clock_timestamp", "statement_timestamp", "transaction_timestamp", "timeofday", "age", "extract",
        "isfinite", "justify_days", "justify_hours", "justify_interval", "datetime", "date", "time", "julianday", "strftime",
        "unixepoch", "timediff", "curdate", "curtime", "sysdate", "utc_timestamp", "utc_date", "datediff", "timestampdiff",
        "timestampadd", "from_unixtime", "unix_timestamp", "str_to_date", "dayname", "dayofweek", "dayofmonth",
        "dayofyear", "month", "monthname", "year", "week", "weekday", "hour", "minute", "second", "quarter", "last_day",
        "adddate", "subdate", "addtime", "subtime", "period_add", "period_diff", "localtime", "localtimestamp",
        "timezone", "overlaps", "sleep", "pg_sleep", "pg_sleep_for", "pg_sleep_until",
        // Conditionals, casts, types.
        "coalesce", "nullif", "ifnull", "if", "iif", "isnull", "nvl", "cast", "try_cast", "typeof", "pg_typeof",
        "format_type", "row", "num_nulls", "num_nonnulls", "varchar", "numeric", "decimal", "character", "timestamp",
        "timestamptz", "interval", "bit", "varbit", "float", "double", "int", "integer", "bigint", "smallint", "bool",
        "boolean", "text", "bytea", "jsonb", "json", "xml", "xmlelement", "xmlforest", "xmlattributes", "xmlparse",
        "xmlserialize", "xmlconcat", "xpath", "xpath_exists", "binary", "signed", "unsigned", "exists",
        // Sets and arrays.
        "generate_series", "generate_subscripts", "cardinality", "to_tsvector", "to_tsquery", "plainto_tsquery",
        "phraseto_tsquery", "websearch_to_tsquery", "ts_rank", "ts_rank_cd", "ts_headline", "setweight", "range",
        "int4range", "int8range", "numrange", "tsrange", "tstzrange", "daterange", "lower_inf", "upper_inf", "isempty",
        "row_to_json", "hstore", "akeys", "avals", "each", "skeys", "svals", "unnest",
        // Catalog, session and size information.
        "version", "sqlite_version", "database", "schema", "user", "session_user", "system_user", "connection_id",
        "last_insert_id", "last_insert_rowid", "found_rows", "row_count", "changes", "total_changes", "currval", "lastval",
        "txid_current", "txid_current_if_assigned", "txid_snapshot_xmin", "pg_current_xact_id", "pg_backend_pid",
        "pg_postmaster_start_time", "pg_conf_load_time", "pg_is_in_recovery", "pg_is_wal_replay_paused",
        "pg_blocking_pids", "pg_size_pretty", "pg_size_bytes", "pg_total_relation_size", "pg_relation_size",
        "pg_database_size", "pg_table_size", "pg_indexes_size", "pg_column_size", "pg_tablespace_size",
        "pg_relation_filenode", "pg_relation_filepath", "pg_table_is_visible", "pg_function_is_visible",
        "pg_type_is_visible", "to_regclass", "to_regtype", "to_regproc", "to_regnamespace", "to_regrole",
        "pg_encoding_to_char", "obj_description", "col_description", "shobj_description", "current_setting",
        "pg_last_xact_replay_timestamp", "pg_current_wal_lsn", "pg_current_wal_insert_lsn", "pg_wal_lsn_diff",
        "pg_walfile_name", "pg_last_wal_receive_lsn", "pg_last_wal_replay_lsn", "pg_stat_statements",
        "pg_stat_statements_info", "pg_available_extensions", "pg_listening_channels", "pg_my_temp_schema",
        "pg_jit_available", "pg_trigger_depth", "pg_try_advisory_lock", "pg_advisory_lock", "pg_advisory_unlock",
        "pg_advisory_xact_lock", "pg_try_advisory_xact_lock", "pg_advisory_unlock_all", "pg_lsn", "pg_control_system",
        "pg_control_checkpoint", "pg_tablespace_location", "pg_options_to_table", "pg_partition_tree",
        "pg_partition_root", "pg_partition_ancestors", "pg_index_column_has_property", "pg_input_is_valid",
        "inet_server_addr", "inet_server_port", "inet_client_addr", "inet_client_port", "host", "masklen", "network",
        "family", "abbrev", "broadcast", "netmask", "get_lock", "release_lock", "is_free_lock", "benchmark",
        "json_object", "json_array", "json_extract", "json_unquote", "json_valid", "json_each", "json_tree",
        "json_type", "json_set", "json_insert", "json_replace", "json_remove", "json_patch", "json_group_array",
        "json_group_object", "likelihood", "likely", "unlikely", "sqlite_source_id", "sqlite_compileoption_used",
        "pragma_table_info", "pragma_index_list", "nullifzero", "ifempty",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly string[] PurePrefixes =
    [
        "json_", "jsonb_", "array_", "current_", "pg_get_", "has_", "st_", "pg_stat_get_", "regexp_", "to_", "date_",
        "make_", "xml", "ts_", "range_", "multirange", "pg_size_", "is_", "bit_", "area", "point", "box", "circle",
        "geography", "geometry", "inet_", "pgp_", "crypt", "similarity", "word_similarity", "cube", "earth", "ll_to_earth",
    ];

    private static readonly string[] DestructiveNameParts =
    [
        "delete", "drop", "purge", "truncate", "wipe", "destroy", "remove", "erase", "kill", "clear", "clean", "reset",
        "flush", "nuke",
    ];

    public static SqlFunctionEffect? SideEffect(string name) => SideEffects.GetValueOrDefault(name);

    public static bool IsPure(string name)
    {
        if (Pure.Contains(name))
        {
            return true;
        }

        foreach (var prefix in PurePrefixes)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    public static bool SoundsDestructive(string name)
    {
        foreach (var part in DestructiveNameParts)
        {
            if (name.Contains(part, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
