namespace Gatehouse.Cedar.Extensions;

/// <summary>
/// Cedar's <c>duration</c> extension value: a signed 64-bit count of milliseconds.
/// </summary>
/// <remarks>
/// Accepted text is an optional leading <c>-</c> and then at least one quantity-unit pair, units in the
/// order <c>d</c>, <c>h</c>, <c>m</c>, <c>s</c>, <c>ms</c>, each at most once (<c>1d2h3m4s5ms</c>,
/// <c>-90m</c>, <c>0s</c>); quantities are unsigned decimal digits. The sign applies to the whole value.
/// A total outside the signed 64-bit millisecond range is an error. The conversions truncate toward zero.
/// </remarks>
internal readonly struct CedarDuration : IEquatable<CedarDuration>, IComparable<CedarDuration>
{
    private static readonly long[] UnitMilliseconds = [86_400_000, 3_600_000, 60_000, 1_000, 1];

    private CedarDuration(long milliseconds) => Milliseconds = milliseconds;

    /// <summary>The length in milliseconds.</summary>
    public long Milliseconds { get; }

    /// <summary>Builds a duration from milliseconds.</summary>
    public static CedarDuration FromMilliseconds(long milliseconds) => new(milliseconds);

    /// <summary>Parses text exactly as Cedar's <c>duration("…")</c> does.</summary>
    public static bool TryParse(string text, out CedarDuration value) => TryParse(text, out value, out _);

    /// <summary>Parses text exactly as Cedar's <c>duration("…")</c> does; <paramref name="error"/> says why not.</summary>
    public static bool TryParse(string text, out CedarDuration value, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        value = default;
        var span = text.AsSpan();
        var negative = span.Length > 0 && span[0] == '-';
        var position = negative ? 1 : 0;
        if (position == span.Length)
        {
            error = InvalidPattern(text);
            return false;
        }

        UInt128 total = 0;
        var nextUnit = 0;
        var overflow = false;
        while (position < span.Length)
        {
            var start = position;
            UInt128 quantity = 0;
            while (position < span.Length && char.IsAsciiDigit(span[position]))
            {
                // Past 2^64 the official parser reports overflow; keep scanning so the pattern is still checked.
                if (quantity <= ulong.MaxValue)
                {
                    quantity = (quantity * 10) + (uint)(span[position] - '0');
                }

                position++;
            }

            if (position == start || position == span.Length)
            {
                error = InvalidPattern(text);
                return false;
            }

            int unit;
            switch (span[position])
            {
                case 'd':
                    unit = 0;
                    position++;
                    break;
                case 'h':
                    unit = 1;
                    position++;
                    break;
                case 'm' when position + 1 < span.Length && span[position + 1] == 's':
                    unit = 4;
                    position += 2;
                    break;
                case 'm':
                    unit = 2;
                    position++;
                    break;
                case 's':
                    unit = 3;
                    position++;
                    break;
                default:
                    error = InvalidPattern(text);
                    return false;
            }

            if (unit < nextUnit)
            {
                error = InvalidPattern(text);
                return false;
            }

            nextUnit = unit + 1;
            if (quantity > ulong.MaxValue)
            {
                overflow = true;
            }
            else if (!overflow)
            {
                total += quantity * (ulong)UnitMilliseconds[unit];
            }
        }

        var limit = negative ? (UInt128)long.MaxValue + 1 : long.MaxValue;
        if (overflow || total > limit)
        {
            error = "duration overflows: a duration in milliseconds must fit a signed 64-bit integer";
            return false;
        }

        value = new CedarDuration(negative ? (long)(0 - (ulong)total) : (long)total);
        error = null;
        return true;
    }

    private static string InvalidPattern(string text) =>
        $"invalid duration pattern `{(text.Length <= 64 ? text : string.Concat(text.AsSpan(0, 64), "…"))}`: expected quantity-unit pairs (d, h, m, s, ms in that order) with an optional leading `-`";

    /// <summary>Cedar's <c>toMilliseconds</c>.</summary>
    public long ToMilliseconds() => Milliseconds;

    /// <summary>Cedar's <c>toSeconds</c> (truncates toward zero).</summary>
    public long ToSeconds() => Milliseconds / 1_000;

    /// <summary>Cedar's <c>toMinutes</c> (truncates toward zero).</summary>
    public long ToMinutes() => Milliseconds / 60_000;

    /// <summary>Cedar's <c>toHours</c> (truncates toward zero).</summary>
    public long ToHours() => Milliseconds / 3_600_000;

    /// <summary>Cedar's <c>toDays</c> (truncates toward zero).</summary>
    public long ToDays() => Milliseconds / 86_400_000;

    /// <inheritdoc/>
    public int CompareTo(CedarDuration other) => Milliseconds.CompareTo(other.Milliseconds);

    /// <inheritdoc/>
    public bool Equals(CedarDuration other) => Milliseconds == other.Milliseconds;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CedarDuration other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Milliseconds.GetHashCode();

    /// <summary>Equality by length.</summary>
    public static bool operator ==(CedarDuration left, CedarDuration right) => left.Equals(right);

    /// <summary>Inequality by length.</summary>
    public static bool operator !=(CedarDuration left, CedarDuration right) => !left.Equals(right);

    /// <summary>Ordering.</summary>
    public static bool operator <(CedarDuration left, CedarDuration right) => left.Milliseconds < right.Milliseconds;

    /// <summary>Ordering.</summary>
    public static bool operator <=(CedarDuration left, CedarDuration right) => left.Milliseconds <= right.Milliseconds;

    /// <summary>Ordering.</summary>
    public static bool operator >(CedarDuration left, CedarDuration right) => left.Milliseconds > right.Milliseconds;

    /// <summary>Ordering.</summary>
    public static bool operator >=(CedarDuration left, CedarDuration right) => left.Milliseconds >= right.Milliseconds;

    /// <summary>Text that parses back to an equal value, e.g. <c>-1500ms</c>.</summary>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Milliseconds}ms");
}
