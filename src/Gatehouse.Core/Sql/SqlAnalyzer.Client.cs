using Gatehouse.Core.Model;

namespace Gatehouse.Core.Sql;

/// <summary>Client meta-commands (psql backslash commands, sqlite3 dot-commands) and procedural code bodies.</summary>
internal sealed partial class SqlAnalyzer
{
    private void AnalyzeMetaCommand(string text)
    {
        var space = text.AsSpan().IndexOfAny(' ', '\t');
        var command = (space < 0 ? text : text[..space]).ToLowerInvariant();
        var argument = space < 0 ? string.Empty : text[(space + 1)..].Trim();
        if (_dialect == SqlDialect.MySql)
        {
            AnalyzeMySqlClientCommand(command, argument);
        }
        else if (command.StartsWith('\\'))
        {
            AnalyzePsqlCommand(command, argument);
        }
        else
        {
            AnalyzeSqliteDotCommand(command, argument);
        }
    }

    private void AnalyzePsqlCommand(string command, string argument)
    {
        switch (command)
        {
            case "\\c" or "\\connect":
                SwitchConnection(ConnectionHints(argument));
                Emit(Verb.Read, Risk.None, "database", _environmentHints.Count > 0 ? _environmentHints[0] : null, "sql.psql-connect", "connects to another database");
                return;
            case "\\!":
                Emit(Verb.Execute, Risk.High, "program", argument.Length == 0 ? null : argument, "sql.psql-shell", "\\! runs a shell command", Tags.Opaque);
                return;
            case "\\i" or "\\ir" or "\\include" or "\\include_relative":
                Emit(Verb.Execute, Risk.High, "file", argument, "sql.psql-include", "runs the SQL script in a file whose content is not visible", Tags.Opaque);
                return;
            case "\\gexec":
                Emit(Verb.Execute, Risk.High, "database", null, "sql.psql-gexec", "\\gexec runs every value the query returns as SQL", Tags.Opaque);
                return;
            case "\\e" or "\\edit" or "\\ef" or "\\ev":
                Emit(Verb.Execute, Risk.High, "program", null, "sql.psql-editor", "opens an editor and runs what it returns", Tags.Opaque);
                return;
            case "\\copy":
                AnalyzeClientCopy(argument);
                return;
            case "\\o" or "\\out" or "\\w" or "\\write" or "\\lo_export" or "\\lo_import" or "\\setenv" or "\\cd":
                Emit(Verb.Create, Risk.Low, "file", argument.Length == 0 ? null : argument, "sql.psql-file", "writes or reads a local file");
                return;
            case "\\lo_unlink":
                Emit(Verb.Delete, Risk.High, "large-object", argument, "sql.fn.lo-unlink", "deletes a large object");
                return;
            default:
                break;
        }

        if (command.Length > 1 && command[1] is 'd' or 'l' or 'x' or 'g' or 'q' or 'c' or 'h' or '?' or 'p' or 'r' or 's' or 't'
            or 'a' or 'f' or 'z' or 'u' or 'b' or 'n' or 'v'
            || command is "\\" or "\\encoding" or "\\errverbose" or "\\pset" or "\\timing" or "\\unset" or "\\set" or "\\prompt"
            or "\\echo" or "\\qecho" or "\\warn" or "\\if" or "\\elif" or "\\else" or "\\endif" or "\\conninfo" or "\\connect")
        {
            Emit(Verb.Read, Risk.None, "database", null, "sql.psql-meta", "psql client command");
            return;
        }

        EmitOpaque("sql.psql-unknown", "unrecognized psql command " + command);
    }

    /// <summary>\copy runs COPY with files on the client side: file access stays local, PROGRAM still runs a command.</summary>
    private void AnalyzeClientCopy(string argument)
    {
        var first = _sink.Count;
        AnalyzeEmbedded("COPY " + argument);
        for (var k = first; k < _sink.Count; k++)
        {
            var action = _sink[k];
            if (action.RuleId is "sql.copy-to-file" or "sql.copy-from-file")
            {
                _sink[k] = action with
                {
                    RuleId = action.RuleId.Replace("sql.copy", "sql.client-copy", StringComparison.Ordinal),
                    Risk = action.RuleId == "sql.copy-to-file" ? Risk.Low : action.Risk,
                    Reason = "\\copy moves rows between the table and a file on the client",
                    Tags = [.. action.Tags.Where(t => t is not (Tags.ServerFileRead or Tags.ServerFileWrite))],
                };
            }
        }
    }

    /// <summary>Database and host names from a psql \c argument: positional (db user host port), conninfo (k=v) or a URI.</summary>
    internal static List<string> ConnectionHints(string argument)
    {
        var hints = new List<string>();
        var words = argument.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (argument.Contains("://", StringComparison.Ordinal))
        {
            hints.Add(words[0]);
            return hints;
        }

        if (argument.Contains('=', StringComparison.Ordinal))
        {
            foreach (var word in words)
            {
                var pair = word.Trim('\'', '"');
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0 && pair[..eq] is "host" or "hostaddr" or "dbname" or "service" && eq + 1 < pair.Length)
                {
                    hints.Add(pair[(eq + 1)..]);
                }
            }

            return hints;
        }

        for (var k = 0; k < words.Length; k++)
        {
            if ((k == 0 || k == 2) && words[k] != "-")
            {
                hints.Add(words[k].Trim('"'));
            }
        }

        return hints;
    }

    private void AnalyzeMySqlClientCommand(string command, string argument)
    {
        if (command.StartsWith("\\!", StringComparison.Ordinal))
        {
            var shell = (command.Length > 2 ? command[2..] + " " : string.Empty) + argument;
            Emit(Verb.Execute, Risk.High, "program", shell.Trim().Length == 0 ? null : shell.Trim(), "sql.mysql-shell", "\\! runs a shell command", Tags.Opaque);
            return;
        }

        if (command.StartsWith("\\.", StringComparison.Ordinal))
        {
            Emit(Verb.Execute, Risk.High, "file", argument.Length == 0 ? null : argument, "sql.mysql-source", "runs the SQL script in a file whose content is not visible", Tags.Opaque);
            return;
        }

        switch (command)
        {
            case "use" or "connect" or "\\u" or "\\r":
                var database = argument.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is [var first, ..] ? first.Trim('`') : null;
                SwitchConnection(database is null ? [] : [database]);
                Emit(Verb.Read, Risk.None, "database", database, "sql.use", "switches the current database");
                return;
            case "system":
                Emit(Verb.Execute, Risk.High, "program", argument.Length == 0 ? null : argument, "sql.mysql-shell", "the mysql client's system command runs a shell command", Tags.Opaque);
                return;
            case "source":
                Emit(Verb.Execute, Risk.High, "file", argument.Length == 0 ? null : argument, "sql.mysql-source", "runs the SQL script in a file whose content is not visible", Tags.Opaque);
                return;
            case "tee" or "pager":
                Emit(Verb.Create, Risk.Low, "file", argument.Length == 0 ? null : argument, "sql.mysql-output", "sends client output to a file or program");
                return;
            default:
                break;
        }

        if (command is "\\e")
        {
            Emit(Verb.Execute, Risk.High, "program", null, "sql.mysql-editor", "opens an editor and runs what it returns", Tags.Opaque);
        }

        // \G, \g, \c, \q, DELIMITER and the other client commands only shape the session or its output.
    }

    private void AnalyzeSqliteDotCommand(string command, string argument)
    {
        var target = argument.Length == 0 ? null : argument;
        switch (command)
        {
            case ".shell" or ".system":
                Emit(Verb.Execute, Risk.High, "program", target, "sql.sqlite-shell", "runs a shell command", Tags.Opaque);
                return;
            case ".read":
                Emit(Verb.Execute, Risk.High, "file", target, "sql.sqlite-read", "runs the SQL script in a file whose content is not visible", Tags.Opaque);
                return;
            case ".load":
                Emit(Verb.Execute, Risk.High, "library", target, "sql.sqlite-load", "loads a native extension", Tags.Opaque);
                return;
            case ".restore":
                Emit(Verb.Update, Risk.Critical, "database", target, "sql.sqlite-restore", ".restore overwrites the database with a backup file");
                return;
            case ".import":
                var table = argument.Length == 0 ? null : argument[(argument.LastIndexOf(' ') + 1)..];
                Emit(Verb.Create, Risk.Medium, "table", table, "sql.sqlite-import", "imports a file into a table");
                return;
            case ".open":
                SwitchConnection(target is null ? [] : [target]);
                Emit(Verb.Read, Risk.None, "database", target, "sql.sqlite-open", "opens another database file");
                return;
            case ".backup" or ".save" or ".clone" or ".output" or ".once" or ".excel" or ".log" or ".cd":
                Emit(Verb.Create, Risk.Low, "file", target, "sql.sqlite-file", "writes or opens a local file");
                return;
            case ".tables" or ".schema" or ".indexes" or ".indices" or ".dump" or ".headers" or ".header" or ".mode" or ".help" or ".quit"
                or ".exit" or ".databases" or ".show" or ".width" or ".timer" or ".stats" or ".eqp" or ".explain" or ".fullschema"
                or ".print" or ".prompt" or ".separator" or ".nullvalue" or ".changes" or ".echo" or ".bail" or ".dbinfo"
                or ".lint" or ".sha3sum" or ".recover" or ".expert" or ".parameter" or ".scanstats" or ".trace" or ".version"
                or ".connection" or ".limit" or ".filectrl" or ".vfsinfo" or ".vfsname" or ".vfslist" or ".testcase" or ".check"
                or ".crnl" or ".binary" or ".progress" or ".auth" or ".selftest":
                Emit(Verb.Read, Risk.None, "database", null, "sql.sqlite-meta", "sqlite3 client command");
                return;
            default:
                EmitOpaque("sql.sqlite-unknown", "unrecognized sqlite3 command " + command);
                return;
        }
    }

    /// <summary>
    /// Best effort inside a DO body: PL/pgSQL is not parsed, but every statement that starts after
    /// BEGIN, THEN, ELSE, LOOP or ';' and begins with a destructive keyword is classified as SQL.
    /// The block stays opaque whatever is found; this only raises the risk when the body shows more.
    /// </summary>
    private void ScanProceduralBody(int start, int end)
    {
        for (var i = start + 1; i < end; i++)
        {
            if (_tokens[i].Kind == SqlTokenKind.String)
            {
                ScanProceduralText(_tokens[i].Text);
            }
        }
    }

    private void ScanProceduralText(string body)
    {
        var lex = SqlLexer.Lex(body, SqlDialect.PostgreSql);
        if (lex.Error is not null || _depth > MaxRecursion)
        {
            return;
        }

        var tokens = lex.Tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind == SqlTokenKind.String && LooksLikeSql(token.Text))
            {
                // EXECUTE 'DROP TABLE ' || name: the literal part shows what the dynamic statement does.
                AddEmbeddedHighRisk(AnalyzeText(token.Text, SqlDialect.PostgreSql, _depth + 10, _prepared));
                continue;
            }

            if (token.Kind != SqlTokenKind.Word || token.Text is not ("drop" or "truncate" or "delete" or "update" or "alter" or "grant" or "revoke" or "copy" or "insert"))
            {
                continue;
            }

            var previous = i == 0 ? default : tokens[i - 1];
            if (i > 0 && previous.Kind != SqlTokenKind.Semicolon && !(previous.Kind == SqlTokenKind.Word && previous.Text is "begin" or "then" or "else" or "loop"))
            {
                continue;
            }

            var stop = i;
            while (stop < tokens.Count && tokens[stop].Kind != SqlTokenKind.Semicolon)
            {
                stop++;
            }

            var startChar = token.Start;
            var endChar = stop < tokens.Count ? tokens[stop].Start : body.Length;
            AddEmbeddedHighRisk(AnalyzeText(body[startChar..endChar], SqlDialect.PostgreSql, _depth + 10, _prepared));
            i = stop;
        }
    }

    private void AddEmbeddedHighRisk(List<AgentAction> inner)
    {
        foreach (var action in inner)
        {
            if (action.Risk >= Risk.High && action.Verb != Verb.Unknown)
            {
                _sink.Add(action with { Tags = [.. action.Tags, Tags.EmbeddedSql] });
            }
        }
    }
}
