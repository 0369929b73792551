using System.Collections.Frozen;
using Gatehouse.Core.Model;

namespace Gatehouse.Core.GraphQL;

/// <summary>What a mutation field name says it does, before any provider catalog refines it.</summary>
internal readonly record struct MutationIntent(Verb Verb, Risk Risk, string RuleSuffix, string Description, IReadOnlyList<string> NounWords, bool AllResources);

/// <summary>
/// Reads the verb out of a mutation field name split on camelCase, PascalCase, snake_case and kebab-case
/// word boundaries (<c>volumeDelete</c>, <c>deleteVolume</c>, <c>delete_volume</c>, <c>projectScheduleDeleteForce</c>).
/// Matching whole words avoids false hits such as <c>clearance</c> or <c>dropdown</c>.
/// Precedence: destroying words win over everything (<c>createOrDeleteX</c> is a delete), then revocation,
/// then disruptive updates, then ordinary create/update/deploy. A name with no known verb is
/// <see cref="Verb.Unknown"/> at <see cref="Risk.High"/>: a mutation changes state by definition, and we
/// cannot tell how much, so a human should look (fail closed).
/// </summary>
internal static class MutationVerbs
{
    private static readonly FrozenSet<string> Destroying = FrozenSet.Create(
        StringComparer.Ordinal,
        "delete", "remove", "destroy", "drop", "purge", "reset", "wipe", "truncate", "erase", "clear", "terminate",
        "kill", "uninstall", "unlink", "unset", "evict", "expunge", "nuke", "trash", "discard", "deprovision",
        "decommission", "teardown", "flush", "obliterate", "del", "rm");

    private static readonly FrozenSet<string> Revoking = FrozenSet.Create(StringComparer.Ordinal, "revoke", "invalidate", "rotate");

    // Disruptive but not destroying: they stop, detach or roll back something that is hard to put back exactly.
    private static readonly FrozenSet<string> Disruptive = FrozenSet.Create(
        StringComparer.Ordinal,
        "detach", "disconnect", "archive", "stop", "cancel", "rollback", "restore", "disable", "transfer", "leave",
        "suspend", "shutdown", "deactivate", "abort", "unpublish", "ban", "pause", "downgrade", "overwrite", "migrate");

    private static readonly FrozenSet<string> Creating = FrozenSet.Create(
        StringComparer.Ordinal,
        "create", "add", "insert", "new", "register", "generate", "clone", "duplicate", "invite", "provision", "fork",
        "import", "upload", "copy", "issue", "request", "submit", "send", "post", "append", "init", "initialize");

    private static readonly FrozenSet<string> Updating = FrozenSet.Create(
        StringComparer.Ordinal,
        "update", "set", "upsert", "patch", "edit", "rename", "change", "modify", "replace", "move", "enable",
        "configure", "connect", "attach", "link", "assign", "commit", "apply", "save", "mark", "toggle", "merge",
        "sync", "accept", "approve", "reorder", "resume", "unarchive", "restart", "reject", "verify", "confirm",
        "star", "unstar", "follow", "unfollow", "like", "unlike", "subscribe", "unsubscribe", "pin", "unpin",
        "lock", "unlock", "close", "reopen", "resolve", "dismiss", "login", "logout", "signin", "signout", "scale",
        "increment", "decrement", "mutate", "upgrade", "schedule", "reschedule", "refresh", "regenerate");

    private static readonly FrozenSet<string> Deploying = FrozenSet.Create(
        StringComparer.Ordinal, "deploy", "redeploy", "promote", "release", "publish", "rebuild", "build", "trigger", "run", "execute", "start", "launch");

    // Words that qualify a verb rather than name the resource, so they are left out of the target kind.
    private static readonly FrozenSet<string> Qualifiers = FrozenSet.Create(
        StringComparer.Ordinal, "force", "forced", "by", "one", "or", "and", "my", "bulk", "batch", "many", "all", "permanently", "hard", "soft", "if", "exists", "id", "ids", "v1", "v2", "v3");

    public static MutationIntent Analyze(string fieldName)
    {
        var words = SplitWords(fieldName);
        var nouns = new List<string>(words.Count);
        string? destroying = null;
        string? revoking = null;
        string? disruptive = null;
        string? ordinary = null;
        var allResources = false;
        foreach (var word in words)
        {
            if (Destroying.Contains(word))
            {
                destroying ??= word;
            }
            else if (Revoking.Contains(word))
            {
                revoking ??= word;
            }
            else if (Disruptive.Contains(word))
            {
                disruptive ??= word;
            }
            else if (Creating.Contains(word) || Updating.Contains(word) || Deploying.Contains(word))
            {
                ordinary ??= word;
            }
            else if (Qualifiers.Contains(word))
            {
                allResources |= word is "all";
            }
            else
            {
                nouns.Add(word);
            }
        }

        if (destroying is not null)
        {
            return new MutationIntent(Verb.Delete, allResources ? Risk.Critical : Risk.High, "delete", $"destroys ({destroying})", nouns, allResources);
        }

        if (revoking is not null)
        {
            return new MutationIntent(Verb.Revoke, Risk.High, "revoke", $"revokes ({revoking})", nouns, allResources);
        }

        if (disruptive is not null)
        {
            return new MutationIntent(Verb.Update, Risk.High, "disruptive", $"disrupts ({disruptive})", nouns, allResources);
        }

        if (ordinary is not null)
        {
            if (Creating.Contains(ordinary))
            {
                return new MutationIntent(Verb.Create, Risk.Medium, "create", $"creates ({ordinary})", nouns, allResources);
            }

            if (Deploying.Contains(ordinary))
            {
                return new MutationIntent(Verb.Deploy, Risk.Medium, "deploy", $"deploys or runs ({ordinary})", nouns, allResources);
            }

            return new MutationIntent(Verb.Update, Risk.Medium, "update", $"updates ({ordinary})", nouns, allResources);
        }

        return new MutationIntent(Verb.Unknown, Risk.High, "unknown", "has no recognizable verb", nouns, allResources);
    }

    /// <summary>Splits an identifier into lower-case words: <c>APITokenDelete</c> → api, token, delete.</summary>
    internal static List<string> SplitWords(string name)
    {
        var words = new List<string>(4);
        var start = -1;
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsAsciiLetterOrDigit(c))
            {
                Flush(name, ref start, i, words);
                continue;
            }

            if (start < 0)
            {
                start = i;
                continue;
            }

            var previous = name[i - 1];
            var boundary =
                (char.IsAsciiLetterUpper(c) && (char.IsAsciiLetterLower(previous) || char.IsAsciiDigit(previous))) ||
                (char.IsAsciiLetterUpper(c) && char.IsAsciiLetterUpper(previous) && i + 1 < name.Length && char.IsAsciiLetterLower(name[i + 1]));
            if (boundary)
            {
                Flush(name, ref start, i, words);
                start = i;
            }
        }

        Flush(name, ref start, name.Length, words);
        return words;
    }

    private static void Flush(string name, ref int start, int end, List<string> words)
    {
        if (start >= 0 && end > start)
        {
            words.Add(name[start..end].ToLowerInvariant());
        }

        start = -1;
    }
}
