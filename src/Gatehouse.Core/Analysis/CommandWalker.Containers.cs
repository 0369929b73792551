using Gatehouse.Core.Catalog;
using Gatehouse.Core.Model;
using Gatehouse.Core.Shell.Syntax;

namespace Gatehouse.Core.Analysis;

/// <summary>
/// <c>docker run</c> options that hand the container the host: the host's root, system directories, home or Docker socket
/// mounted, a privileged container, host namespaces. Whatever runs inside then acts on the host under paths the command
/// line does not show (<c>-v /:/host -w /host … rm -rf .</c>), so the launch itself needs a human. An <c>--entrypoint</c>
/// is the program that runs, with the words after the image as its arguments.
/// </summary>
internal sealed partial class CommandWalker
{
    private void InvokeContainerRun(string program, IReadOnlyList<Word> arguments, int commandStart, SimpleCommand origin, WalkScope scope)
    {
        var runScope = scope.Enter(program + " run") with { Remote = true };
        Word? entrypoint = null;
        for (var i = 0; i < commandStart - 1; i++)
        {
            var option = arguments[i].StaticValue;
            if (option is null)
            {
                continue;
            }

            var equals = option.IndexOf('=', StringComparison.Ordinal);
            var name = option.StartsWith("--", StringComparison.Ordinal) && equals > 0 ? option[..equals] : option;
            Word? value = equals > 0 && option.StartsWith("--", StringComparison.Ordinal) ? WordFactory.Literal(option[(equals + 1)..])
                : i + 1 < commandStart ? arguments[i + 1] : null;
            switch (name)
            {
                case "--privileged":
                    EmitHostAccess(program, "--privileged", "runs a privileged container, which can mount and change the host", scope);
                    break;
                case "--pid" or "--userns" when value?.StaticValue == "host":
                    EmitHostAccess(program, $"{name}=host", "shares the host's process or user namespace with the container", scope);
                    break;
                case "-v" or "--volume" or "--mount" when value is not null && HostMountSource(name, value.StaticValue ?? value.Text) is { } source:
                    EmitHostAccess(program, source, $"mounts the host's {source} into the container, so what runs inside acts on the host", scope);
                    break;
                case "--entrypoint" when value is not null:
                    entrypoint = value;
                    break;
                default:
                    break;
            }
        }

        if (entrypoint is null)
        {
            InvokeAfterOptions(arguments, commandStart, origin, StdinSource.None, runScope, interactiveMeaning: null);
            return;
        }

        var words = new List<Word>(arguments.Count - commandStart + 1) { entrypoint };
        for (var i = commandStart; i < arguments.Count; i++)
        {
            words.Add(arguments[i]);
        }

        InvokeWords(words, origin, StdinSource.None, runScope);
    }

    private void EmitHostAccess(string program, string what, string reason, WalkScope scope) =>
        Emit(ActionFactory.Simple(program, "container.host-access", Verb.Execute, "container", what, Risk.High, false, reason, Tags.SystemPath), scope);

    /// <summary>The host side of a bind mount when it is the root, a system directory, the home directory or the Docker socket.</summary>
    private static string? HostMountSource(string option, string value)
    {
        string source;
        if (option == "--mount")
        {
            source = string.Empty;
            foreach (var field in value.Split(','))
            {
                if (field.StartsWith("source=", StringComparison.Ordinal) || field.StartsWith("src=", StringComparison.Ordinal))
                {
                    source = field[(field.IndexOf('=', StringComparison.Ordinal) + 1)..];
                }
            }
        }
        else
        {
            var colon = value.IndexOf(':', StringComparison.Ordinal);
            source = colon >= 0 ? value[..colon] : value;
        }

        if (source.Length == 0 || source[0] is not ('/' or '~' or '$'))
        {
            // A named volume or a relative project path.
            return null;
        }

        if (source.Contains("docker.sock", StringComparison.Ordinal))
        {
            return source;
        }

        return PathClassifier.ClassifyStatic(source) is PathScope.SystemRoot or PathScope.System or PathScope.Home or PathScope.Device or PathScope.Protected
            ? source
            : null;
    }
}
