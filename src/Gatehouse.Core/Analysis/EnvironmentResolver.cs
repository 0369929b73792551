namespace Gatehouse.Core.Analysis;

/// <summary>
/// Reads environment names out of the evidence a command carries (a <c>--context prod-eu</c>,
/// a host <c>db.staging.internal</c>, <c>-e production</c>). This is a stop-gap for inputs with no
/// inventory: the inventory, when present, is the authority, never the agent's own labels.
/// </summary>
internal static class EnvironmentResolver
{
    public const string Production = "production";
    public const string Staging = "staging";
    public const string Development = "development";
    public const string Test = "test";

    public static IReadOnlyList<string> Resolve(IReadOnlyList<string> hints)
    {
        if (hints.Count == 0)
        {
            return [];
        }

        var production = false;
        var staging = false;
        var development = false;
        var test = false;
        foreach (var hint in hints)
        {
            foreach (var token in Tokens(hint))
            {
                switch (Classify(token))
                {
                    case Production:
                        production = true;
                        break;
                    case Staging:
                        staging = true;
                        break;
                    case Development:
                        development = true;
                        break;
                    case Test:
                        test = true;
                        break;
                    default:
                        break;
                }
            }
        }

        var result = new List<string>(3);
        if (production)
        {
            result.Add(Production);
        }

        if (staging)
        {
            result.Add(Staging);
        }

        if (development)
        {
            result.Add(Development);
        }

        if (test)
        {
            result.Add(Test);
        }

        return result;
    }

    private static string? Classify(string token)
    {
        // Whole tokens only: "products" or "stagecoach" name no environment.
        if (IsNumbered(token, "prod") || IsNumbered(token, "production") || IsNumbered(token, "prd") || Is(token, "live"))
        {
            return Production;
        }

        if (IsNumbered(token, "staging") || IsNumbered(token, "stage") || IsNumbered(token, "stg") || Is(token, "preprod") || Is(token, "uat"))
        {
            return Staging;
        }

        if (Is(token, "test") || Is(token, "testing") || Is(token, "ci"))
        {
            return Test;
        }

        if (IsNumbered(token, "dev") || Is(token, "development") || Is(token, "local") || Is(token, "localhost")
            || Is(token, "sandbox") || Is(token, "minikube") || Is(token, "127"))
        {
            return Development;
        }

        return null;
    }

    /// <summary>
    /// Whether the evidence names a throwaway environment outright (<c>RAILS_ENV=test</c>, <c>-d app_dev</c>) and nothing
    /// else: a bare <c>localhost</c> does not count, because a tunnel to production also listens there.
    /// </summary>
    public static bool NamesOnlyDisposable(IReadOnlyList<string> hints)
    {
        var named = false;
        foreach (var hint in hints)
        {
            foreach (var token in Tokens(hint))
            {
                switch (Classify(token))
                {
                    case Production or Staging:
                        return false;
                    case Test:
                        named = true;
                        break;
                    case Development when !Is(token, "localhost") && !Is(token, "127"):
                        named = true;
                        break;
                    default:
                        break;
                }
            }
        }

        return named;
    }

    private static bool Is(string token, string name) => token.Equals(name, StringComparison.OrdinalIgnoreCase);

    /// <summary>The name itself or the name followed by digits: prod, prod2, stage1.</summary>
    private static bool IsNumbered(string token, string name)
    {
        if (!token.StartsWith(name, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        for (var i = name.Length; i < token.Length; i++)
        {
            if (!char.IsAsciiDigit(token[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Splits on anything that is not a letter or digit: <c>gke_acme_prod-eu</c> → gke, acme, prod, eu. A <c>.dev</c>
    /// top-level domain (<c>api.machines.dev</c>) names a registry, not an environment, so it is skipped.
    /// </summary>
    private static IEnumerable<string> Tokens(string hint)
    {
        var start = -1;
        for (var i = 0; i <= hint.Length; i++)
        {
            var inToken = i < hint.Length && char.IsAsciiLetterOrDigit(hint[i]);
            if (inToken && start < 0)
            {
                start = i;
            }
            else if (!inToken && start >= 0)
            {
                var isTopLevelDomain = start > 0 && hint[start - 1] == '.' && (i == hint.Length || hint[i] is ':' or '/')
                    && i - start == 3 && string.Compare(hint, start, "dev", 0, 3, StringComparison.OrdinalIgnoreCase) == 0;
                if (!isTopLevelDomain)
                {
                    yield return hint[start..i];
                }

                start = -1;
            }
        }
    }
}
