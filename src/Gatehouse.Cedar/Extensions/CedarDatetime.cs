namespace Gatehouse.Cedar.Extensions;

/// <summary>
/// Cedar's <c>datetime</c> extension value: signed 64-bit milliseconds since 1970-01-01T00:00:00Z
/// (no leap seconds).
/// </summary>
/// <remarks>
/// Accepted text, and nothing else: <c>YYYY-MM-DD</c>, <c>YYYY-MM-DDThh:mm:ssZ</c>,
/// <c>YYYY-MM-DDThh:mm:ss.SSSZ</c>, <c>YYYY-MM-DDThh:mm:ss(+|-)hhmm</c>,
/// <c>YYYY-MM-DDThh:mm:ss.SSS(+|-)hhmm</c>. The year has exactly four digits (0000–9999, proleptic
/// Gregorian), the date must exist, hours 00–23, minutes and seconds 00–59 (no leap second), offsets below
/// 24 hours and 60 minutes. An offset is subtracted: <c>T10:00:00+0100</c> is 09:00 UTC.
/// Arithmetic that leaves the 64-bit range fails (the Try methods return false) rather than wrapping.
/// </remarks>
internal readonly struct CedarDatetime : IEquatable<CedarDatetime>, IComparable<CedarDatetime>
{
    private const long MillisecondsPerDay = 86_400_000;

    private CedarDatetime(long millisecondsSinceEpoch) => MillisecondsSinceEpoch = millisecondsSinceEpoch;

    /// <summary>Milliseconds since the Unix epoch.</summary>
    public long MillisecondsSinceEpoch { get; }

    /// <summary>Builds a value from milliseconds since the Unix epoch.</summary>
    public static CedarDatetime FromMillisecondsSinceEpoch(long milliseconds) => new(milliseconds);

    /// <summary>Parses text exactly as Cedar's <c>datetime("…")</c> does.</summary>
    public static bool TryParse(string text, out CedarDatetime value) => TryParse(text, out value, out _);

    /// <summary>Parses text exactly as Cedar's <c>datetime("…")</c> does; <paramref name="error"/> says why not.</summary>
    public static bool TryParse(string text, out CedarDatetime value, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        value = default;
        var s = text.AsSpan();
        if (s.Length < 10 || !Digits(s, 0, 4) || s[4] != '-' || !Digits(s, 5, 2) || s[7] != '-' || !Digits(s, 8, 2))
        {
            error = Invalid(text, "a datetime starts with YYYY-MM-DD");
            return false;
        }

        var year = Number(s, 0, 4);
        var month = Number(s, 5, 2);
        var day = Number(s, 8, 2);
        long hour = 0, minute = 0, second = 0, millisecond = 0, offsetSeconds = 0;
        if (s.Length > 10)
        {
            if (s.Length < 19 || s[10] != 'T' || !Digits(s, 11, 2) || s[13] != ':' || !Digits(s, 14, 2) || s[16] != ':' || !Digits(s, 17, 2))
            {
                error = Invalid(text, "a time is Thh:mm:ss after the date");
                return false;
            }

            hour = Number(s, 11, 2);
            minute = Number(s, 14, 2);
            second = Number(s, 17, 2);
            var rest = s[19..];
            if (rest.Length > 0 && rest[0] == '.')
            {
                if (!Digits(rest, 1, 3))
                {
                    error = Invalid(text, "a datetime ends with Z, .SSSZ, (+|-)hhmm or .SSS(+|-)hhmm");
                    return false;
                }

                millisecond = Number(rest, 1, 3);
                rest = rest[4..];
            }

            if (rest.Length == 1 && rest[0] == 'Z')
            {
                offsetSeconds = 0;
            }
            else if (rest.Length == 5 && (rest[0] == '+' || rest[0] == '-') && Digits(rest, 1, 4))
            {
                var offsetHours = Number(rest, 1, 2);
                var offsetMinutes = Number(rest, 3, 2);
                if (offsetHours >= 24 || offsetMinutes >= 60)
                {
                    error = Invalid(text, "an offset is below 24 hours and its minutes below 60");
                    return false;
                }

                offsetSeconds = ((offsetHours * 3600) + (offsetMinutes * 60)) * (rest[0] == '+' ? 1 : -1);
            }
            else
            {
                error = Invalid(text, "a datetime ends with Z, .SSSZ, (+|-)hhmm or .SSS(+|-)hhmm");
                return false;
            }
        }

        if (!IsValidDate(year, month, day))
        {
            error = Invalid(text, "no such date");
            return false;
        }

        if (hour >= 24 || minute >= 60 || second >= 60)
        {
            error = Invalid(text, "hours run 00–23, minutes and seconds 00–59");
            return false;
        }

        var days = DaysFromCivil(year, month, day);
        var seconds = (days * 86_400) + (hour * 3600) + (minute * 60) + second - offsetSeconds;
        value = new CedarDatetime((seconds * 1000) + millisecond);
        error = null;
        return true;
    }

    private static string Invalid(string text, string why) =>
        $"invalid datetime `{(text.Length <= 64 ? text : string.Concat(text.AsSpan(0, 64), "…"))}`: {why}";

    private static bool Digits(ReadOnlySpan<char> s, int start, int count)
    {
        if (start + count > s.Length)
        {
            return false;
        }

        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static long Number(ReadOnlySpan<char> s, int start, int count)
    {
        long result = 0;
        for (var i = start; i < start + count; i++)
        {
            result = (result * 10) + (s[i] - '0');
        }

        return result;
    }

    private static bool IsLeapYear(long year) => year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);

    private static bool IsValidDate(long year, long month, long day)
    {
        if (month is < 1 or > 12 || day < 1)
        {
            return false;
        }

        long daysInMonth = month switch
        {
            2 => IsLeapYear(year) ? 29 : 28,
            4 or 6 or 9 or 11 => 30,
            _ => 31,
        };
        return day <= daysInMonth;
    }

    // Days since 1970-01-01 in the proleptic Gregorian calendar (years 0–9999 only, so no overflow).
    private static long DaysFromCivil(long year, long month, long day)
    {
        var y = month <= 2 ? year - 1 : year;
        var era = (y >= 0 ? y : y - 399) / 400;
        var yearOfEra = y - (era * 400);
        var dayOfYear = ((153 * (month > 2 ? month - 3 : month + 9)) + 2) / 5 + day - 1;
        var dayOfEra = (yearOfEra * 365) + (yearOfEra / 4) - (yearOfEra / 100) + dayOfYear;
        return (era * 146_097) + dayOfEra - 719_468;
    }

    /// <summary>Cedar's <c>offset</c>: false when the result leaves the 64-bit range.</summary>
    public bool TryOffset(CedarDuration duration, out CedarDatetime result)
    {
        var sum = MillisecondsSinceEpoch + duration.Milliseconds;
        // Overflow happened exactly when both operands share a sign the sum does not.
        if (((MillisecondsSinceEpoch ^ sum) & (duration.Milliseconds ^ sum)) < 0)
        {
            result = default;
            return false;
        }

        result = new CedarDatetime(sum);
        return true;
    }

    /// <summary>Cedar's <c>durationSince</c> (this minus <paramref name="other"/>): false on overflow.</summary>
    public bool TryDurationSince(CedarDatetime other, out CedarDuration result)
    {
        var difference = MillisecondsSinceEpoch - other.MillisecondsSinceEpoch;
        if (((MillisecondsSinceEpoch ^ other.MillisecondsSinceEpoch) & (MillisecondsSinceEpoch ^ difference)) < 0)
        {
            result = default;
            return false;
        }

        result = CedarDuration.FromMilliseconds(difference);
        return true;
    }

    /// <summary>Cedar's <c>toDate</c>: midnight UTC of the same day; false when that falls below the 64-bit range.</summary>
    public bool TryToDate(out CedarDatetime result)
    {
        var remainder = Remainder(MillisecondsSinceEpoch);
        if (MillisecondsSinceEpoch < long.MinValue + remainder)
        {
            result = default;
            return false;
        }

        result = new CedarDatetime(MillisecondsSinceEpoch - remainder);
        return true;
    }

    /// <summary>Cedar's <c>toTime</c>: the time since midnight UTC, always in [0, 1 day).</summary>
    public CedarDuration ToTime() => CedarDuration.FromMilliseconds(Remainder(MillisecondsSinceEpoch));

    private static long Remainder(long milliseconds)
    {
        var remainder = milliseconds % MillisecondsPerDay;
        return remainder < 0 ? remainder + MillisecondsPerDay : remainder;
    }

    /// <inheritdoc/>
    public int CompareTo(CedarDatetime other) => MillisecondsSinceEpoch.CompareTo(other.MillisecondsSinceEpoch);

    /// <inheritdoc/>
    public bool Equals(CedarDatetime other) => MillisecondsSinceEpoch == other.MillisecondsSinceEpoch;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CedarDatetime other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => MillisecondsSinceEpoch.GetHashCode();

    /// <summary>Equality by instant.</summary>
    public static bool operator ==(CedarDatetime left, CedarDatetime right) => left.Equals(right);

    /// <summary>Inequality by instant.</summary>
    public static bool operator !=(CedarDatetime left, CedarDatetime right) => !left.Equals(right);

    /// <summary>Ordering.</summary>
    public static bool operator <(CedarDatetime left, CedarDatetime right) => left.MillisecondsSinceEpoch < right.MillisecondsSinceEpoch;

    /// <summary>Ordering.</summary>
    public static bool operator <=(CedarDatetime left, CedarDatetime right) => left.MillisecondsSinceEpoch <= right.MillisecondsSinceEpoch;

    /// <summary>Ordering.</summary>
    public static bool operator >(CedarDatetime left, CedarDatetime right) => left.MillisecondsSinceEpoch > right.MillisecondsSinceEpoch;

    /// <summary>Ordering.</summary>
    public static bool operator >=(CedarDatetime left, CedarDatetime right) => left.MillisecondsSinceEpoch >= right.MillisecondsSinceEpoch;

    /// <summary>Milliseconds since the epoch, the form Cedar itself prints for a computed datetime.</summary>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{MillisecondsSinceEpoch}ms since 1970-01-01");
}
