namespace Gatehouse.Cedar.Extensions;

/// <summary>
/// Cedar's <c>ipaddr</c> extension value: an IPv4 or IPv6 address with a CIDR prefix length
/// (a single address carries /32 or /128).
/// </summary>
/// <remarks>
/// Parsing follows the official engine exactly: at most 43 bytes; IPv4 octets are decimal without
/// leading zeros; IPv6 groups are 1–4 hex digits with at most one <c>::</c>; IPv4 written inside IPv6
/// (<c>::ffff:1.2.3.4</c>) is refused, though the same address in hex (<c>::ffff:102:304</c>) is an IPv6
/// value; the prefix is plain decimal digits without leading zeros, at most 32 (v4) or 128 (v6).
/// Equality compares family, the address as written (host bits included) and the prefix, so
/// <c>10.0.0.1/24</c> and <c>10.0.0.0/24</c> differ. None of the operations can fail once parsed.
/// </remarks>
internal readonly struct CedarIpAddress : IEquatable<CedarIpAddress>
{
    private const int MaxTextBytes = 43;

    private CedarIpAddress(bool isIpv6, UInt128 address, byte prefixLength)
    {
        IsIpv6 = isIpv6;
        Address = address;
        PrefixLength = prefixLength;
    }

    /// <summary>True for an IPv6 value; IPv4 otherwise.</summary>
    public bool IsIpv6 { get; }

    /// <summary>True for an IPv4 value.</summary>
    public bool IsIpv4 => !IsIpv6;

    /// <summary>The address bits as written (IPv4 uses the low 32 bits).</summary>
    public UInt128 Address { get; }

    /// <summary>The CIDR prefix length: 0–32 for IPv4, 0–128 for IPv6.</summary>
    public byte PrefixLength { get; }

    private int Width => IsIpv6 ? 128 : 32;

    /// <summary>127.0.0.0/8 (prefix at least 8) for IPv4; exactly ::1/128 for IPv6.</summary>
    public bool IsLoopback => IsIpv6
        ? Address == UInt128.One && PrefixLength >= 128
        : (Address >> 24) == 127 && PrefixLength >= 8;

    /// <summary>224.0.0.0/4 (prefix at least 4) for IPv4; ff00::/8 (prefix at least 8) for IPv6.</summary>
    public bool IsMulticast => IsIpv6
        ? (Address >> 120) == 0xff && PrefixLength >= 8
        : (Address >> 28) == 0xe && PrefixLength >= 4;

    /// <summary>Cedar's <c>isInRange</c>: this range lies inside <paramref name="range"/>; never across families.</summary>
    public bool IsInRange(CedarIpAddress range)
    {
        if (IsIpv6 != range.IsIpv6)
        {
            return false;
        }

        var width = Width;
        var all = width == 128 ? UInt128.MaxValue : (UInt128)uint.MaxValue;
        var selfHost = HostMask(PrefixLength, width, all);
        var otherHost = HostMask(range.PrefixLength, width, all);
        var selfNetwork = Address & ~selfHost & all;
        var otherNetwork = range.Address & ~otherHost & all;
        var selfBroadcast = Address | selfHost;
        var otherBroadcast = range.Address | otherHost;
        return otherNetwork <= selfNetwork && selfBroadcast <= otherBroadcast;
    }

    private static UInt128 HostMask(int prefix, int width, UInt128 all) =>
        prefix >= width ? UInt128.Zero : all >> prefix;

    /// <summary>Parses text exactly as Cedar's <c>ip("…")</c> does.</summary>
    public static bool TryParse(string text, out CedarIpAddress value) => TryParse(text, out value, out _);

    /// <summary>Parses text exactly as Cedar's <c>ip("…")</c> does; <paramref name="error"/> says why not.</summary>
    public static bool TryParse(string text, out CedarIpAddress value, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        value = default;
        if (System.Text.Encoding.UTF8.GetByteCount(text) > MaxTextBytes)
        {
            error = $"invalid IP address `{Shorten(text)}`: string length is too large";
            return false;
        }

        if (CountAtLeastTwo(text, ':') && CountAtLeastTwo(text, '.'))
        {
            error = $"invalid IP address `{text}`: IPv4 embedded in IPv6 is not accepted";
            return false;
        }

        var span = text.AsSpan();
        var slash = span.IndexOf('/');
        var addressText = slash < 0 ? span : span[..slash];
        bool isIpv6;
        UInt128 address;
        if (TryParseIpv4(addressText, out var v4))
        {
            isIpv6 = false;
            address = v4;
        }
        else if (TryParseIpv6(addressText, out var v6))
        {
            isIpv6 = true;
            address = v6;
        }
        else
        {
            error = $"invalid IP address `{text}`";
            return false;
        }

        byte prefix = isIpv6 ? (byte)128 : (byte)32;
        if (slash >= 0 && !TryParsePrefix(span[(slash + 1)..], isIpv6, out prefix))
        {
            error = $"invalid prefix in IP address `{text}`";
            return false;
        }

        value = new CedarIpAddress(isIpv6, address, prefix);
        error = null;
        return true;
    }

    private static string Shorten(string text) => text.Length <= 64 ? text : string.Concat(text.AsSpan(0, 64), "…");

    private static bool CountAtLeastTwo(string text, char c)
    {
        var first = text.IndexOf(c, StringComparison.Ordinal);
        return first >= 0 && text.IndexOf(c, first + 1) >= 0;
    }

    private static bool TryParsePrefix(ReadOnlySpan<char> text, bool isIpv6, out byte prefix)
    {
        prefix = 0;
        var maxDigits = isIpv6 ? 3 : 2;
        if (text.Length == 0 || text.Length > maxDigits || (text.Length > 1 && text[0] == '0'))
        {
            return false;
        }

        var result = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            result = (result * 10) + (c - '0');
        }

        if (result > (isIpv6 ? 128 : 32))
        {
            return false;
        }

        prefix = (byte)result;
        return true;
    }

    private static bool TryParseIpv4(ReadOnlySpan<char> text, out uint address)
    {
        address = 0;
        var position = 0;
        for (var octet = 0; octet < 4; octet++)
        {
            if (octet > 0)
            {
                if (position >= text.Length || text[position] != '.')
                {
                    return false;
                }

                position++;
            }

            var start = position;
            var value = 0;
            while (position < text.Length && char.IsAsciiDigit(text[position]) && position - start < 3)
            {
                value = (value * 10) + (text[position] - '0');
                position++;
            }

            var digits = position - start;
            if (digits == 0 || value > 255 || (digits > 1 && text[start] == '0'))
            {
                return false;
            }

            address = (address << 8) | (uint)value;
        }

        return position == text.Length;
    }

    private static bool TryParseIpv6(ReadOnlySpan<char> text, out UInt128 address)
    {
        address = UInt128.Zero;
        Span<ushort> head = stackalloc ushort[8];
        Span<ushort> tail = stackalloc ushort[8];
        var position = 0;
        var headCount = ReadGroups(text, ref position, head);
        if (headCount == 8)
        {
            if (position != text.Length)
            {
                return false;
            }

            address = Assemble(head, 8, tail, 0);
            return true;
        }

        if (position + 1 >= text.Length || text[position] != ':' || text[position + 1] != ':')
        {
            return false;
        }

        position += 2;
        var tailCount = ReadGroups(text, ref position, tail[..(8 - headCount - 1)]);
        if (position != text.Length)
        {
            return false;
        }

        address = Assemble(head, headCount, tail, tailCount);
        return true;
    }

    // Reads up to groups.Length colon-separated hex groups; a separator is consumed only when a group follows.
    private static int ReadGroups(ReadOnlySpan<char> text, ref int position, Span<ushort> groups)
    {
        var count = 0;
        while (count < groups.Length)
        {
            var attempt = position;
            if (count > 0)
            {
                if (attempt >= text.Length || text[attempt] != ':')
                {
                    break;
                }

                attempt++;
            }

            var start = attempt;
            var value = 0;
            while (attempt < text.Length && attempt - start < 4 && char.IsAsciiHexDigit(text[attempt]))
            {
                value = (value << 4) | HexValue(text[attempt]);
                attempt++;
            }

            if (attempt == start)
            {
                break;
            }

            groups[count++] = (ushort)value;
            position = attempt;
        }

        return count;
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    private static UInt128 Assemble(ReadOnlySpan<ushort> head, int headCount, ReadOnlySpan<ushort> tail, int tailCount)
    {
        var result = UInt128.Zero;
        for (var i = 0; i < headCount; i++)
        {
            result |= (UInt128)head[i] << (16 * (7 - i));
        }

        for (var i = 0; i < tailCount; i++)
        {
            result |= (UInt128)tail[i] << (16 * (tailCount - 1 - i));
        }

        return result;
    }

    /// <inheritdoc/>
    public bool Equals(CedarIpAddress other) =>
        IsIpv6 == other.IsIpv6 && Address == other.Address && PrefixLength == other.PrefixLength;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CedarIpAddress other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(IsIpv6, Address, PrefixLength);

    /// <summary>Structural equality, as Cedar's <c>==</c> on ipaddr values.</summary>
    public static bool operator ==(CedarIpAddress left, CedarIpAddress right) => left.Equals(right);

    /// <summary>Structural inequality.</summary>
    public static bool operator !=(CedarIpAddress left, CedarIpAddress right) => !left.Equals(right);

    /// <summary>Canonical text that parses back to an equal value: dotted IPv4 or full hex IPv6, then /prefix.</summary>
    public override string ToString()
    {
        if (!IsIpv6)
        {
            var v = (uint)Address;
            return $"{v >> 24}.{(v >> 16) & 0xff}.{(v >> 8) & 0xff}.{v & 0xff}/{PrefixLength}";
        }

        var builder = new System.Text.StringBuilder(43);
        for (var i = 7; i >= 0; i--)
        {
            var group = (ushort)(Address >> (16 * i));
            builder.Append(group.ToString("x", System.Globalization.CultureInfo.InvariantCulture));
            if (i > 0)
            {
                builder.Append(':');
            }
        }

        return builder.Append('/').Append(PrefixLength).ToString();
    }
}
