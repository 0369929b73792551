namespace Gatehouse.Core.Inventory;

/// <summary>
/// The structural forms under which a name can be looked up. A connection string or URL is reduced to its
/// parts (host, port, first path segment such as the database name), never searched for substrings: a
/// substring match could attach an action to the wrong resource and so to the wrong environment.
/// Comparison is case-insensitive through the index's comparer, so no form is lower-cased here.
/// </summary>
internal static class AliasForms
{
    /// <summary>The exact lookup key: surrounding whitespace and trailing slashes carry no meaning.</summary>
    public static string Key(string name)
    {
        var trimmed = name.AsSpan().Trim().TrimEnd('/');
        return trimmed.Length == name.Length ? name : trimmed.ToString();
    }

    /// <summary>
    /// The keys a hint may match, most specific first: the hint itself, then, when it is an address,
    /// <c>host:port/segment</c>, <c>host/segment</c>, <c>host:port</c>, <c>host</c>.
    /// </summary>
    public static void LookupForms(string hint, List<string> forms)
    {
        var key = Key(hint);
        if (key.Length == 0)
        {
            return;
        }

        forms.Add(key);
        if (TryParseAddress(key, out var address))
        {
            AddAddressForms(address, forms, key);
        }
        else if (key.EndsWith('.'))
        {
            // A fully qualified host name (db.prod.internal.) is the same host.
            AddDistinct(forms, key.TrimEnd('.'), key);
        }
    }

    /// <summary>Extra keys an alias written as a URL or connection string answers to (not the alias itself).</summary>
    public static void DerivedForms(string alias, List<string> forms)
    {
        var key = Key(alias);
        if (TryParseAddress(key, out var address) && (address.HadScheme || address.WasKeyValue))
        {
            // Only the forms that keep the database or path segment: a URL alias names that database, not
            // every database on the host. A bare host alias is written as the host itself.
            if (address.Segment.Length > 0)
            {
                if (address.Port.Length > 0)
                {
                    AddDistinct(forms, address.Host + ":" + address.Port + "/" + address.Segment, key);
                }

                AddDistinct(forms, address.Host + "/" + address.Segment, key);
            }
            else
            {
                if (address.Port.Length > 0)
                {
                    AddDistinct(forms, address.Host + ":" + address.Port, key);
                }

                AddDistinct(forms, address.Host, key);
            }
        }
    }

    private static void AddAddressForms(in Address address, List<string> forms, string original)
    {
        if (address.Segment.Length > 0)
        {
            if (address.Port.Length > 0)
            {
                AddDistinct(forms, address.Host + ":" + address.Port + "/" + address.Segment, original);
            }

            AddDistinct(forms, address.Host + "/" + address.Segment, original);
        }

        if (address.Port.Length > 0)
        {
            AddDistinct(forms, address.Host + ":" + address.Port, original);
        }

        AddDistinct(forms, address.Host, original);
    }

    private static void AddDistinct(List<string> forms, string form, string original)
    {
        if (form.Length == 0 || string.Equals(form, original, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        foreach (var existing in forms)
        {
            if (string.Equals(existing, form, StringComparison.OrdinalIgnoreCase))
            {
                return;
            }
        }

        forms.Add(form);
    }

    internal readonly record struct Address(string Host, string Port, string Segment, bool HadScheme, bool WasKeyValue);

    /// <summary>
    /// Reads <c>scheme://user:pass@host:port/segment/…?query</c>, <c>user@host:port/segment</c>, <c>host:port</c>,
    /// and key/value connection strings (<c>Host=…;Database=…</c>, <c>host=… dbname=…</c>).
    /// </summary>
    internal static bool TryParseAddress(string text, out Address address)
    {
        address = default;
        if (text.Contains('=', StringComparison.Ordinal) && !text.Contains("://", StringComparison.Ordinal))
        {
            return TryParseKeyValue(text, out address);
        }

        var span = text.AsSpan();
        if (span.ContainsAny(' ', '\t', '\n') || span.ContainsAny('"', '\'', '\\'))
        {
            return false;
        }

        var hadScheme = false;
        var schemeEnd = span.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd > 0)
        {
            span = span[(schemeEnd + 3)..];
            hadScheme = true;
        }
        else if (span.IndexOfAny('@', ':', '/') < 0)
        {
            // A plain word is looked up as itself; there is no address structure to reduce.
            return false;
        }

        var authorityEnd = span.IndexOfAny('/', '?', '#');
        var authority = authorityEnd < 0 ? span : span[..authorityEnd];
        var rest = authorityEnd < 0 ? ReadOnlySpan<char>.Empty : span[authorityEnd..];
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            authority = authority[(at + 1)..];
        }

        ReadOnlySpan<char> host;
        var port = ReadOnlySpan<char>.Empty;
        if (authority.StartsWith("[", StringComparison.Ordinal))
        {
            var close = authority.IndexOf(']');
            if (close < 0)
            {
                return false;
            }

            host = authority[1..close];
            var after = authority[(close + 1)..];
            if (after.StartsWith(":", StringComparison.Ordinal))
            {
                port = after[1..];
            }
        }
        else
        {
            var colon = authority.LastIndexOf(':');
            host = colon < 0 ? authority : authority[..colon];
            port = colon < 0 ? ReadOnlySpan<char>.Empty : authority[(colon + 1)..];
            if (host.Contains(':'))
            {
                // An unbracketed IPv6 literal or an ARN-like id: not an address we can take apart safely.
                return false;
            }
        }

        if (!IsAllDigits(port))
        {
            if (!hadScheme)
            {
                // "name:thing" without a scheme is an id (kube context user@cluster:ns, image:tag), not host:port.
                return false;
            }

            port = ReadOnlySpan<char>.Empty;
        }

        host = host.TrimEnd('.');
        if (host.IsEmpty)
        {
            return false;
        }

        var segment = ReadOnlySpan<char>.Empty;
        if (rest.StartsWith("/", StringComparison.Ordinal))
        {
            segment = rest[1..];
            var segmentEnd = segment.IndexOfAny('/', '?', '#');
            if (segmentEnd >= 0)
            {
                segment = segment[..segmentEnd];
            }
        }

        address = new Address(host.ToString(), port.ToString(), Uri.UnescapeDataString(segment.ToString()), hadScheme, WasKeyValue: false);
        return true;
    }

    private static bool TryParseKeyValue(string text, out Address address)
    {
        address = default;
        string host = string.Empty, port = string.Empty, database = string.Empty;
        var separators = text.Contains(';', StringComparison.Ordinal) ? new[] { ';' } : new[] { ' ', '\t' };
        foreach (var part in text.Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var name = part[..equals].Trim();
            var value = part[(equals + 1)..].Trim().Trim('\'', '"');
            if (name.Equals("host", StringComparison.OrdinalIgnoreCase) || name.Equals("server", StringComparison.OrdinalIgnoreCase)
                || name.Equals("data source", StringComparison.OrdinalIgnoreCase) || name.Equals("address", StringComparison.OrdinalIgnoreCase)
                || name.Equals("hostaddr", StringComparison.OrdinalIgnoreCase))
            {
                host = value;
            }
            else if (name.Equals("port", StringComparison.OrdinalIgnoreCase))
            {
                port = value;
            }
            else if (name.Equals("database", StringComparison.OrdinalIgnoreCase) || name.Equals("dbname", StringComparison.OrdinalIgnoreCase)
                || name.Equals("initial catalog", StringComparison.OrdinalIgnoreCase))
            {
                database = value;
            }
        }

        // SQL Server writes "tcp:host,1433"; keep only the host name part.
        var comma = host.IndexOf(',', StringComparison.Ordinal);
        if (comma >= 0)
        {
            port = port.Length == 0 ? host[(comma + 1)..] : port;
            host = host[..comma];
        }

        host = host.StartsWith("tcp:", StringComparison.OrdinalIgnoreCase) ? host[4..] : host;
        host = host.TrimEnd('.');
        if (host.Length == 0 || host.Contains(' ', StringComparison.Ordinal) || host.Contains(',', StringComparison.Ordinal))
        {
            return false;
        }

        address = new Address(host, IsAllDigits(port) ? port : string.Empty, database, HadScheme: false, WasKeyValue: true);
        return true;
    }

    private static bool IsAllDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
