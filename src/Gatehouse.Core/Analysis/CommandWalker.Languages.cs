using Gatehouse.Core.Catalog;
using Gatehouse.Core.GraphQL;
using Gatehouse.Core.Http;
using Gatehouse.Core.Interpreters;
using Gatehouse.Core.Model;
using Gatehouse.Core.NoSql;
using Gatehouse.Core.Shell.Syntax;
using Gatehouse.Core.Sql;

namespace Gatehouse.Core.Analysis;

/// <summary>
/// Programs found in the catalog, and the code they carry in other languages: SQL for database
/// clients, MongoDB and Redis commands, interpreter one-liners, and HTTP requests from clients.
/// </summary>
internal sealed partial class CommandWalker
{
    private static readonly HashSet<string> HttpClients = new(StringComparer.Ordinal) { "curl", "wget", "http", "https", "xh", "xhs" };

    private static readonly Dictionary<string, EmbeddedLanguage> InterpreterLanguages = new(StringComparer.Ordinal)
    {
        ["python"] = EmbeddedLanguage.Python, ["python3"] = EmbeddedLanguage.Python, ["python2"] = EmbeddedLanguage.Python, ["pypy3"] = EmbeddedLanguage.Python,
        ["node"] = EmbeddedLanguage.JavaScript, ["nodejs"] = EmbeddedLanguage.JavaScript, ["deno"] = EmbeddedLanguage.JavaScript, ["bun"] = EmbeddedLanguage.JavaScript,
        ["ruby"] = EmbeddedLanguage.Ruby, ["perl"] = EmbeddedLanguage.Perl, ["php"] = EmbeddedLanguage.Php,
    };

    private void InvokeCatalog(string program, IReadOnlyList<Word> arguments, SimpleCommand origin, StdinSource stdin, WalkScope scope)
    {
        switch (program)
        {
            case "tee":
                // tee copies its input into every file named: remember what those files now hold.
                var input = ResolveStdin(origin.Redirections, stdin);
                if (input.Kind == StdinKind.Literal)
                {
                    var append = arguments.Any(a => a.StaticValue is "-a" or "--append");
                    foreach (var file in arguments.Where(a => a.StaticValue is { Length: > 0 } v && v[0] != '-'))
                    {
                        RecordWrittenFile(file.StaticValue!, input.Text!, append, scope);
                    }
                }

                break;
            case "crontab":
                JudgeCrontab(arguments, origin, stdin, scope);
                break;
            case "make" or "gmake":
                JudgeMakeInput(arguments, origin, stdin, scope);
                break;
            case "Remove-Item" or "remove-item" or "ri" or "del" or "erase" when stdin.IsPiped && !arguments.Any(a => a.StaticValue is not { Length: > 0 } v || v[0] != '-'):
                // PowerShell: the items piped in are the paths to remove.
                if (ResolveStdin(origin.Redirections, stdin) is { Kind: StdinKind.FilesUnder, Root: { } root })
                {
                    arguments = [.. arguments, WordFactory.Literal("-Path"), WordFactory.Under(root)];
                }

                break;
            default:
                break;
        }

        JudgeWrittenProjectFiles(program, arguments, scope);
        var match = _catalog.Match(program, arguments);
        if (match is null)
        {
            InvokeUnknownProgram(program, arguments, scope);
            return;
        }

        var clientActions = _actions.Count;
        EmitAll(match.Actions, scope);
        if (match.Delegations.Count == 0 && !InterpreterLanguages.ContainsKey(program))
        {
            return;
        }

        // Code carried by the command reaches the same place the command does: keep its environment evidence.
        var languageScope = scope.Enter(program);
        foreach (var action in match.Actions)
        {
            foreach (var hint in action.EnvironmentHints)
            {
                languageScope = languageScope.WithHint(hint);
            }
        }

        var everyStatementSeen = match.Delegations.Count > 0;
        foreach (var delegation in match.Delegations)
        {
            if (delegation.Source == DelegationSource.File && IsInterpreterLanguage(delegation.Language))
            {
                // Script files are judged below when this line wrote them; others are ordinary project scripts.
                everyStatementSeen = false;
                continue;
            }

            everyStatementSeen &= Delegate(program, delegation, origin, stdin, languageScope) && IsDataLanguage(delegation.Language);
        }

        if (everyStatementSeen && OnlyConnects(match.Actions))
        {
            // A database client that runs only statements Gatehouse has read does nothing of its own: its
            // statements are the actions. Counting the connection too would make a read in production a change.
            _actions.RemoveRange(clientActions, match.Actions.Count);
        }

        if (InterpreterLanguages.TryGetValue(program, out var language) && match.Delegations.All(d => d.Source == DelegationSource.File))
        {
            ScanWrittenScript(language, arguments, languageScope);
        }
    }

    /// <summary>
    /// <c>python3 x.py</c> where this command line wrote x.py: scan what it wrote; <c>python3 &lt;(curl …)</c>:
    /// the script is produced at run time.
    /// </summary>
    private void ScanWrittenScript(EmbeddedLanguage language, IReadOnlyList<Word> arguments, WalkScope scope)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parts is [ProcessSubstitutionPart process])
            {
                if (StaticOutput(process.Body) is { } output)
                {
                    ScanInterpreterCode(language, output, scope);
                }
                else
                {
                    Emit(ActionFactory.Opaque(language.ToString().ToLowerInvariant(), "gatehouse.script-from-substitution", "runs a script produced at run time by <(…)"), scope);
                }

                return;
            }

            if (argument.StaticValue is { } path && _writtenFiles.TryGetValue(NormalizeFilePath(path), out var code))
            {
                ScanInterpreterCode(language, code, scope);
                return;
            }
        }
    }

    /// <summary>The client's own action is only the connection: running code it was handed, with no effect the catalog saw besides.</summary>
    private static bool OnlyConnects(IReadOnlyList<AgentAction> clientActions)
    {
        foreach (var action in clientActions)
        {
            if (action.Verb != Verb.Execute || action.Target.Kind != "database" || action.Tags.Count > 0)
            {
                return false;
            }
        }

        return clientActions.Count > 0;
    }

    private static bool IsDataLanguage(EmbeddedLanguage language) => language is EmbeddedLanguage.Sql or EmbeddedLanguage.Mongo or EmbeddedLanguage.Redis;

    /// <summary>Judges the delegated code; true when the code itself was seen and classified, false when it was not visible.</summary>
    private bool Delegate(string program, Delegation delegation, SimpleCommand origin, StdinSource stdin, WalkScope scope)
    {
        string? code;
        string source;
        switch (delegation.Source)
        {
            case DelegationSource.Inline:
                code = delegation.Text;
                source = "an argument computed at run time";
                if (code is null && delegation.Arguments is { } words && delegation.Language == EmbeddedLanguage.Redis)
                {
                    EmitAll(RedisCommandClassifier.Classify(words), scope);
                    return true;
                }

                break;
            case DelegationSource.StandardInput:
                var input = ResolveStdin(origin.Redirections, stdin);
                if (input.Kind == StdinKind.None)
                {
                    // An interactive session: nothing to judge until the proxy sees the statements.
                    return false;
                }

                code = input.Kind == StdinKind.Literal ? input.Text : null;
                source = input.Origin;
                break;
            case DelegationSource.File:
                code = delegation.FilePath is { } path && _writtenFiles.TryGetValue(NormalizeFilePath(path), out var content) ? content : null;
                source = "file " + delegation.FilePath;
                break;
            default:
                throw new InvalidOperationException($"Unhandled delegation source {delegation.Source}.");
        }

        if (code is null)
        {
            Emit(
                ActionFactory.Opaque(program, "gatehouse.opaque-" + delegation.Language.ToString().ToLowerInvariant(), $"runs {delegation.Language} from {source}, which cannot be seen", Risk.High, Verb.Unknown),
                scope with { Path = scope.Path[..scope.Path.LastIndexOf('>')] });
            return false;
        }

        switch (delegation.Language)
        {
            case EmbeddedLanguage.Sql:
                var statements = SqlClassifier.Classify(code, DialectOf(program));
                EmitAll(statements, scope);
                ReparseClientShellEscapes(statements, scope);
                break;
            case EmbeddedLanguage.Mongo:
                EmitAll(MongoShellClassifier.Classify(code), scope);
                break;
            case EmbeddedLanguage.Redis:
                EmitAll(RedisCommandClassifier.ClassifyScript(code), scope);
                break;
            case EmbeddedLanguage.Shell:
                Reparse(code, scope);
                break;
            default:
                ScanInterpreterCode(delegation.Language, code, scope);
                break;
        }

        return true;
    }

    /// <summary>psql's <c>\!</c>, sqlite's <c>.shell</c> and mysql's <c>system</c> run shell commands: judge them as commands.</summary>
    private void ReparseClientShellEscapes(IReadOnlyList<AgentAction> statements, WalkScope scope)
    {
        foreach (var statement in statements)
        {
            if (statement.Target.Kind == "program" && statement.Target.Id is { Length: > 0 } command && statement.RuleId.EndsWith("-shell", StringComparison.Ordinal))
            {
                Reparse(command, scope.Enter("shell escape"));
            }
        }
    }

    private void ScanInterpreterCode(EmbeddedLanguage language, string code, WalkScope scope)
    {
        var result = InterpreterScanner.Scan(language, code);
        EmitAll(result.Actions, scope);
        foreach (var command in result.ShellCommands)
        {
            Reparse(command, scope);
        }

        foreach (var sql in result.SqlTexts)
        {
            EmitAll(SqlClassifier.Classify(sql), scope);
        }

        foreach (var request in result.HttpRequests)
        {
            EmitAll(HttpRequestClassifier.Classify(request), scope);
        }
    }

    private bool TryInvokeHttpClient(string program, IReadOnlyList<Word> arguments, SimpleCommand origin, StdinSource stdin, WalkScope scope)
    {
        if (!HttpClients.Contains(program))
        {
            return false;
        }

        CheckSecretsInUrls(program, arguments, scope);
        var input = ResolveStdin(origin.Redirections, stdin);
        // Every request the command sends is judged: a harmless first URL must not hide a destructive second one.
        var requests = HttpClientCommandParser.ParseAll(program, arguments, input.Kind == StdinKind.Literal ? input.Text : null);
        if (requests.Count == 0)
        {
            Emit(ActionFactory.Simple(program, "http.client-info", Verb.Read, "program", program, Risk.None, true, $"{program} prints its own information"), scope);
            return true;
        }

        foreach (var request in requests)
        {
            EmitAll(HttpRequestClassifier.Classify(request), scope.Enter(program));
        }

        return true;
    }

    private static bool IsInterpreterLanguage(EmbeddedLanguage language) =>
        language is EmbeddedLanguage.Python or EmbeddedLanguage.JavaScript or EmbeddedLanguage.Ruby or EmbeddedLanguage.Perl or EmbeddedLanguage.Php;

    private static SqlDialect DialectOf(string program) => program switch
    {
        "mysql" or "mariadb" or "mysqlsh" or "mycli" => SqlDialect.MySql,
        "sqlite3" or "sqlite" or "litecli" => SqlDialect.Sqlite,
        _ => SqlDialect.PostgreSql,
    };

    /// <summary>Used by the facade for <c>--kind graphql</c>: a JSON request body or a bare document.</summary>
    internal static IReadOnlyList<AgentAction> ClassifyGraphQLInput(string input)
    {
        var trimmed = input.AsSpan().TrimStart();
        return trimmed.Length > 0 && trimmed[0] is '{' or '[' && LooksLikeJson(trimmed)
            ? GraphQLClassifier.ClassifyRequestBody(input)
            : GraphQLClassifier.Classify(input);
    }

    /// <summary><c>{"query": …}</c> is a request body; <c>{ me { id } }</c> is a document. JSON objects start with a string key.</summary>
    private static bool LooksLikeJson(ReadOnlySpan<char> text)
    {
        if (text[0] == '[')
        {
            return true;
        }

        var rest = text[1..].TrimStart();
        return rest.Length > 0 && rest[0] is '"' or '}';
    }
}
