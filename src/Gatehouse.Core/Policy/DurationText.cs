using System.Globalization;

namespace Gatehouse.Core.Policy;

/// <summary>Durations as policy annotations write them: <c>30s</c>, <c>15m</c>, <c>2h</c>, <c>1d</c>, or combined (<c>1h30m</c>).</summary>
internal static class DurationText
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i == start || i == text.Length || i - start > 9)
            {
                return false;
            }

            var amount = long.Parse(text.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture);
            var unit = text[i++] switch
            {
                's' => TimeSpan.FromSeconds(1),
                'm' => TimeSpan.FromMinutes(1),
                'h' => TimeSpan.FromHours(1),
                'd' => TimeSpan.FromDays(1),
                _ => TimeSpan.Zero,
            };
            if (unit == TimeSpan.Zero)
            {
                return false;
            }

            duration += unit * amount;
        }

        return true;
    }

    public static string Format(TimeSpan duration)
    {
        if (duration.TotalSeconds % 86400 == 0 && duration.TotalDays >= 1)
        {
            return $"{(long)duration.TotalDays}d";
        }

        if (duration.TotalSeconds % 3600 == 0 && duration.TotalHours >= 1)
        {
            return $"{(long)duration.TotalHours}h";
        }

        return duration.TotalSeconds % 60 == 0 ? $"{(long)duration.TotalMinutes}m" : $"{(long)duration.TotalSeconds}s";
    }
}
