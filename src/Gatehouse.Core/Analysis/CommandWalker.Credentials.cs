using Gatehouse.Core.Model;
using Gatehouse.Core.Shell.Syntax;

namespace Gatehouse.Core.Analysis;

/// <summary>
/// Credential hunting the catalog cannot see from a program name alone: dumping shell variables,
/// printing a variable that holds a secret, and the one safe way to move a secret — straight into
/// another program's <c>--password-stdin</c>, where the agent never sees it.
/// </summary>
internal sealed partial class CommandWalker
{
    /// <summary>Fragments of variable names that hold secrets by convention.</summary>
    private static readonly string[] SecretNameMarkers = ["SECRET", "TOKEN", "PASSWORD", "PASSWD", "API_KEY", "APIKEY", "ACCESS_KEY", "PRIVATE_KEY", "CREDENTIAL", "AUTH"];

    private bool TryInvokeEnvironmentDump(string program, IReadOnlyList<Word> arguments, WalkScope scope)
    {
        var dumps = program switch
        {
            // `set` with no arguments prints every variable; with arguments it sets options.
            "set" => arguments.Count == 0,
            "export" or "declare" or "typeset" => arguments.All(a => a.StaticValue is "-p" or "-x" or "-px" or "-xp"),
            "compgen" => arguments.Any(a => a.StaticValue is "-v" or "-e"),
            _ => false,
        };

        if (!dumps)
        {
            return false;
        }

        Emit(
            ActionFactory.Simple(program, "gatehouse.environment-dump", Verb.Read, "credential", "environment", Risk.Medium, true, "prints every shell variable, secrets included", Tags.CredentialAccess),
            scope);
        return true;
    }

    /// <summary><c>echo $AWS_SECRET_ACCESS_KEY</c> puts a secret into the agent's context.</summary>
    private void CheckPrintedSecrets(string program, IReadOnlyList<Word> arguments, WalkScope scope)
    {
        if (program is not ("echo" or "printf" or "print"))
        {
            return;
        }

        foreach (var argument in arguments)
        {
            foreach (var part in argument.Parts)
            {
                if (part is ParameterPart { Operator: null or ":-" or "-" } parameter && LooksSecret(parameter.Name))
                {
                    Emit(
                        ActionFactory.Simple(program, "gatehouse.secret-printed", Verb.Read, "credential", parameter.Name, Risk.Medium, true, $"prints ${parameter.Name}, which holds a secret", Tags.CredentialAccess),
                        scope);
                    return;
                }
            }
        }
    }

    private static bool LooksSecret(string name)
    {
        foreach (var marker in SecretNameMarkers)
        {
            if (name.Contains(marker, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <c>aws ecr get-login-password | docker login --password-stdin</c>: the secret flows from one
    /// program to the other and never reaches the agent, so the read is not credential exposure.
    /// </summary>
    private void ReleaseSecretsPipedToLogin(Pipeline pipeline, int stage, int firstAction)
    {
        if (stage + 1 >= pipeline.Commands.Count
            || pipeline.Commands[stage + 1] is not SimpleCommand next
            || !next.Words.Any(w => w.StaticValue == "--password-stdin"))
        {
            return;
        }

        for (var i = firstAction; i < _actions.Count; i++)
        {
            var action = _actions[i];
            if (action.HasTag(Tags.CredentialAccess))
            {
                _actions[i] = action with
                {
                    Risk = Risk.Low,
                    Tags = [.. action.Tags.Where(t => t != Tags.CredentialAccess), "credential-piped"],
                    Reason = action.Reason + "; piped straight into a login, never shown",
                };
            }
        }
    }
}
