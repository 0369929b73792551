using System.Globalization;
using Gatehouse.Core.Model;

namespace Gatehouse.Core.Http;

/// <summary>
/// Requests to cloud instance-metadata services that hand out credentials (AWS instance roles, ECS task roles,
/// GCP service-account tokens, Azure managed identities, user data). Reading them is credential access, whatever
/// the method. IPv4 hosts written as one number or in hex/octal (<c>http://2852039166/</c>) are normalized first,
/// since the kernel resolves them to the same address.
/// </summary>
internal static class CloudMetadataClassifier
{
    internal const string RuleId = "http.cloud-metadata-credentials";

    public static AgentAction? TryClassify(HttpRequestContext context)
    {
        var host = NormalizeHost(context.Url.Host);
        foreach (var endpoint in HttpProviderCatalog.Instance.CredentialEndpoints)
        {
            if (!string.Equals(endpoint.Host, host, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var prefix in endpoint.PathPrefixes)
            {
                if (StartsWith(context.Url.Segments, prefix))
                {
                    return context.Action(Verb.Read, Risk.Medium, "credential", context.Url.Endpoint, RuleId,
                        $"Fetches cloud credentials or instance secrets from the metadata service at {context.Url.Host}.",
                        [Tags.CredentialAccess], reversible: true);
                }
            }
        }

        return null;
    }

    private static bool StartsWith(IReadOnlyList<string> segments, string[] prefix)
    {
        if (segments.Count < prefix.Length)
        {
            return false;
        }

        for (var i = 0; i < prefix.Length; i++)
        {
            if (!string.Equals(segments[i], prefix[i], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Dotted-quad form of an IPv4 host written the way <c>inet_aton</c> accepts it; other hosts unchanged.</summary>
    internal static string NormalizeHost(string host)
    {
        if (host.Length == 0 || host.Length > 64 || !char.IsAsciiDigit(host[0]))
        {
            return host;
        }

        var parts = host.Split('.');
        if (parts.Length > 4)
        {
            return host;
        }

        Span<long> values = stackalloc long[4];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!TryParsePart(parts[i], out values[i]))
            {
                return host;
            }
        }

        // inet_aton: the last part fills every byte the earlier parts left.
        long address = 0;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            if (values[i] > 255)
            {
                return host;
            }

            address |= values[i] << (8 * (3 - i));
        }

        var last = values[parts.Length - 1];
        var remainingBits = 8 * (4 - (parts.Length - 1));
        if (last >= 1L << remainingBits)
        {
            return host;
        }

        address |= last;
        return string.Create(CultureInfo.InvariantCulture, $"{(address >> 24) & 255}.{(address >> 16) & 255}.{(address >> 8) & 255}.{address & 255}");
    }

    private static bool TryParsePart(string part, out long value)
    {
        value = 0;
        if (part.Length == 0 || part.Length > 12)
        {
            return false;
        }

        if (part.Length > 2 && part[0] == '0' && (part[1] | 0x20) == 'x')
        {
            return long.TryParse(part.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        }

        if (part.Length > 1 && part[0] == '0')
        {
            foreach (var c in part)
            {
                if (c is < '0' or > '7')
                {
                    return false;
                }

                value = (value * 8) + (c - '0');
            }

            return true;
        }

        foreach (var c in part)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
