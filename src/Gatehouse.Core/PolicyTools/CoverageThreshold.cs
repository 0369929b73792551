using System.Globalization;
using System.Numerics;

namespace Gatehouse.Core.PolicyTools;

/// <summary>
/// A minimum coverage as an exact rational number: "11/12", "0.9", "90%" or "1". Compared by cross
/// multiplication, never through floating point, so 11 of 12 never passes a threshold of 1.
/// </summary>
public readonly record struct CoverageThreshold
{
    private CoverageThreshold(BigInteger numerator, BigInteger denominator)
    {
        Numerator = numerator;
        Denominator = denominator;
    }

    public BigInteger Numerator { get; }

    public BigInteger Denominator { get; }

    public static bool TryParse(string text, out CoverageThreshold threshold)
    {
        ArgumentNullException.ThrowIfNull(text);
        threshold = default;
        var value = text.Trim();
        if (value.Length is 0 or > 64)
        {
            return false;
        }

        BigInteger numerator;
        BigInteger denominator;
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            if (!Whole(value[..slash], out numerator) || !Whole(value[(slash + 1)..], out denominator) || denominator.IsZero)
            {
                return false;
            }
        }
        else
        {
            var percent = value.EndsWith('%');
            if (!Decimal(percent ? value[..^1] : value, out numerator, out denominator))
            {
                return false;
            }

            if (percent)
            {
                denominator *= 100;
            }
        }

        if (numerator > denominator)
        {
            return false;
        }

        threshold = new CoverageThreshold(numerator, denominator);
        return true;
    }

    public override string ToString() => $"{Numerator.ToString(CultureInfo.InvariantCulture)}/{Denominator.ToString(CultureInfo.InvariantCulture)}";

    private static bool Whole(string text, out BigInteger value)
    {
        value = BigInteger.Zero;
        if (text.Length == 0)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    private static bool Decimal(string text, out BigInteger numerator, out BigInteger denominator)
    {
        numerator = BigInteger.Zero;
        denominator = BigInteger.One;
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var whole = dot < 0 ? text : text[..dot];
        var fraction = dot < 0 ? string.Empty : text[(dot + 1)..];
        if ((whole.Length == 0 && fraction.Length == 0) || (dot >= 0 && fraction.Length == 0))
        {
            return false;
        }

        if (!Whole(whole.Length == 0 ? "0" : whole, out var integral))
        {
            return false;
        }

        if (fraction.Length > 0 && !Whole(fraction, out numerator))
        {
            return false;
        }

        denominator = BigInteger.Pow(10, fraction.Length);
        numerator += integral * denominator;
        return true;
    }
}
