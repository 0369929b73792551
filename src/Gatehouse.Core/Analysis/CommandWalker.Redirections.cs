using Gatehouse.Core.Catalog;
using Gatehouse.Core.Model;
using Gatehouse.Core.Shell.Syntax;

namespace Gatehouse.Core.Analysis;

/// <summary>Redirections: files written (and remembered when their content is known), and code in targets and heredocs.</summary>
internal sealed partial class CommandWalker
{
    private static readonly HashSet<string> HarmlessSinks = new(StringComparer.Ordinal)
    {
        "/dev/null", "/dev/stdout", "/dev/stderr", "/dev/tty", "/dev/zero", "-",
    };

    private static bool WritesFile(IReadOnlyList<Redirection> redirections)
    {
        foreach (var redirection in redirections)
        {
            if (IsFileWrite(redirection))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsFileRead(Redirection redirection) =>
        redirection.Target is not null && redirection.Operator is RedirectionOperator.Input or RedirectionOperator.ReadWrite;

    private static bool IsFileWrite(Redirection redirection) => redirection.Target is not null && redirection.Operator switch
    {
        RedirectionOperator.Output or RedirectionOperator.Append or RedirectionOperator.Clobber
            or RedirectionOperator.OutputAndError or RedirectionOperator.AppendOutputAndError => true,
        // `>&file` writes a file; `2>&1` and `>&-` only duplicate or close descriptors.
        RedirectionOperator.DuplicateOutput => redirection.Target.StaticValue is not { } value || (value != "-" && !value.All(char.IsAsciiDigit)),
        _ => false,
    };

    private void WalkRedirections(IReadOnlyList<Redirection> redirections, WalkScope scope, string? writtenContent)
    {
        foreach (var redirection in redirections)
        {
            if (redirection.Target is not null)
            {
                WalkWord(redirection.Target, scope);
            }

            if (redirection.Heredoc?.ExpandedBody is { } body)
            {
                // An unquoted heredoc expands: $(…) inside it runs even when the body is only data.
                WalkWord(body, scope.Enter("heredoc"));
            }

            if (IsFileRead(redirection) && redirection.Target is { } source
                && (ResolveWord(source) ?? WordFactory.PathText(source)) is { } readPath && CredentialPaths.IsCredential(readPath))
            {
                // cat < ~/.ssh/id_rsa, $(<.env), exec 3<key: reading a secret through a redirection is still reading it.
                Emit(ActionFactory.Simple("shell", "shell.redirect-credential-read", Verb.Read, "credential", readPath, Risk.Medium, true, $"reads {readPath} through a redirection", Tags.CredentialAccess), scope);
            }

            if (!IsFileWrite(redirection))
            {
                continue;
            }

            var target = redirection.Target!;
            var path = ResolveWord(target) ?? WordFactory.PathText(target);
            if (path is not null && HarmlessSinks.Contains(path) || (path?.StartsWith("/dev/fd/", StringComparison.Ordinal) ?? false))
            {
                continue;
            }

            if (path is not null && writtenContent is not null)
            {
                RecordWrittenFile(path, writtenContent, redirection.Operator is RedirectionOperator.Append or RedirectionOperator.AppendOutputAndError, scope);
            }

            var pathScope = PathClassifier.Classify(target.Parts is [TildePart, ..] || path is null ? target : WordFactory.Literal(path));
            // Overwriting someone's keys or cloud credentials outside the project is tampering; a project .env is ordinary.
            var credential = path is not null && CredentialPaths.IsCredential(path)
                && pathScope is not (PathScope.Workspace or PathScope.WorkspaceRegenerable or PathScope.WorkspaceData or PathScope.Temporary);
            var truncates = redirection.Operator is not (RedirectionOperator.Append or RedirectionOperator.AppendOutputAndError);
            var risk = credential ? Risk.High
                : truncates ? PathRisk.ForTruncation(pathScope, path is not null && PathRisk.IsDataFile(path))
                : PathRisk.ForWrite(pathScope);
            Emit(
                ActionFactory.Simple("shell", "shell.redirect-write", Verb.Update, "file", path ?? target.Text, risk, pathScope is not PathScope.Device, $"writes {path ?? target.Text} through a redirection", PathRisk.TagsFor(pathScope)),
                scope);
        }
    }
}
