using System.Globalization;

namespace Gatehouse.Cedar.Extensions;

/// <summary>
/// Cedar's <c>decimal</c> extension value: a signed 64-bit count of ten-thousandths, so the range is
/// -922337203685477.5808 to 922337203685477.5807 with at most four fractional digits.
/// </summary>
/// <remarks>
/// Accepted text is <c>-?[0-9]+\.[0-9]{1,4}</c>, nothing else: a point and at least one digit on each
/// side are required, no <c>+</c>, no exponent, no spaces; leading zeros are fine. A value outside the
/// range is an error, never a wrap. Equality and ordering are numeric (<c>1.0 == 1.0000</c>).
/// </remarks>
internal readonly struct CedarDecimal : IEquatable<CedarDecimal>, IComparable<CedarDecimal>
{
    /// <summary>Ten-thousandths per unit.</summary>
    public const long Scale = 10_000;

    private const int MaxFractionDigits = 4;

    private CedarDecimal(long scaledValue) => ScaledValue = scaledValue;

    /// <summary>The value times 10^4.</summary>
    public long ScaledValue { get; }

    /// <summary>Builds a value from its count of ten-thousandths.</summary>
    public static CedarDecimal FromScaled(long scaledValue) => new(scaledValue);

    /// <summary>Parses text exactly as Cedar's <c>decimal("…")</c> does.</summary>
    public static bool TryParse(string text, out CedarDecimal value) => TryParse(text, out value, out _);

    /// <summary>Parses text exactly as Cedar's <c>decimal("…")</c> does; <paramref name="error"/> says why not.</summary>
    public static bool TryParse(string text, out CedarDecimal value, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        value = default;
        var span = text.AsSpan();
        var negative = span.Length > 0 && span[0] == '-';
        var digits = negative ? span[1..] : span;
        var point = digits.IndexOf('.');
        if (point <= 0 || point == digits.Length - 1 || !AllDigits(digits[..point]) || !AllDigits(digits[(point + 1)..]))
        {
            error = $"`{Shorten(text)}` is not a well-formed decimal value";
            return false;
        }

        var fraction = digits[(point + 1)..];
        if (fraction.Length > MaxFractionDigits)
        {
            error = $"too many digits after the decimal in `{Shorten(text)}`: at most 4 are supported";
            return false;
        }

        var whole = digits[..point].TrimStart('0');
        // 19 digits already exceed what survives the scaling by 10^4, so longer text is an overflow.
        if (whole.Length > 19)
        {
            error = "overflow when converting to decimal";
            return false;
        }

        UInt128 magnitude = 0;
        foreach (var c in whole)
        {
            magnitude = (magnitude * 10) + (uint)(c - '0');
        }

        UInt128 fractionValue = 0;
        foreach (var c in fraction)
        {
            fractionValue = (fractionValue * 10) + (uint)(c - '0');
        }

        for (var i = fraction.Length; i < MaxFractionDigits; i++)
        {
            fractionValue *= 10;
        }

        magnitude = (magnitude * Scale) + fractionValue;
        var limit = negative ? (UInt128)long.MaxValue + 1 : long.MaxValue;
        if (magnitude > limit)
        {
            error = "overflow when converting to decimal";
            return false;
        }

        value = new CedarDecimal(negative ? (long)(0 - (ulong)magnitude) : (long)magnitude);
        error = null;
        return true;
    }

    private static bool AllDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static string Shorten(string text) => text.Length <= 64 ? text : string.Concat(text.AsSpan(0, 64), "…");

    /// <summary>Cedar's <c>lessThan</c>.</summary>
    public bool LessThan(CedarDecimal other) => ScaledValue < other.ScaledValue;

    /// <summary>Cedar's <c>lessThanOrEqual</c>.</summary>
    public bool LessThanOrEqual(CedarDecimal other) => ScaledValue <= other.ScaledValue;

    /// <summary>Cedar's <c>greaterThan</c>.</summary>
    public bool GreaterThan(CedarDecimal other) => ScaledValue > other.ScaledValue;

    /// <summary>Cedar's <c>greaterThanOrEqual</c>.</summary>
    public bool GreaterThanOrEqual(CedarDecimal other) => ScaledValue >= other.ScaledValue;

    /// <inheritdoc/>
    public int CompareTo(CedarDecimal other) => ScaledValue.CompareTo(other.ScaledValue);

    /// <inheritdoc/>
    public bool Equals(CedarDecimal other) => ScaledValue == other.ScaledValue;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CedarDecimal other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => ScaledValue.GetHashCode();

    /// <summary>Numeric equality.</summary>
    public static bool operator ==(CedarDecimal left, CedarDecimal right) => left.Equals(right);

    /// <summary>Numeric inequality.</summary>
    public static bool operator !=(CedarDecimal left, CedarDecimal right) => !left.Equals(right);

    /// <summary>Ordering.</summary>
    public static bool operator <(CedarDecimal left, CedarDecimal right) => left.ScaledValue < right.ScaledValue;

    /// <summary>Ordering.</summary>
    public static bool operator <=(CedarDecimal left, CedarDecimal right) => left.ScaledValue <= right.ScaledValue;

    /// <summary>Ordering.</summary>
    public static bool operator >(CedarDecimal left, CedarDecimal right) => left.ScaledValue > right.ScaledValue;

    /// <summary>Ordering.</summary>
    public static bool operator >=(CedarDecimal left, CedarDecimal right) => left.ScaledValue >= right.ScaledValue;

    /// <summary>Text with four fractional digits that parses back to an equal value, e.g. <c>-1.5000</c>.</summary>
    public override string ToString()
    {
        var negative = ScaledValue < 0;
        var magnitude = negative ? 0 - (ulong)ScaledValue : (ulong)ScaledValue;
        var whole = magnitude / Scale;
        var fraction = magnitude % Scale;
        return string.Create(CultureInfo.InvariantCulture, $"{(negative ? "-" : "")}{whole}.{fraction:D4}");
    }
}
