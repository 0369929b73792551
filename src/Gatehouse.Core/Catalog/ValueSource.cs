namespace Gatehouse.Core.Catalog;

/// <summary>
/// Where a rule reads a value from: <c>positional:N</c>, <c>positionals:N</c> (N and after), <c>last</c>,
/// <c>flag:-n|--namespace</c>, <c>prefix:RAILS_ENV=</c> (positionals starting with the prefix, prefix removed),
/// <c>flagPresent:--prod=production</c> (a constant when the option is present).
/// </summary>
internal abstract class ValueSource
{
    public abstract void Collect(ParsedArguments arguments, List<string> values);

    public string? First(ParsedArguments arguments)
    {
        var values = new List<string>(1);
        Collect(arguments, values);
        return values.Count > 0 ? values[0] : null;
    }

    public static ValueSource Parse(string spec)
    {
        var colon = spec.IndexOf(':', StringComparison.Ordinal);
        var kind = colon < 0 ? spec : spec[..colon];
        var argument = colon < 0 ? string.Empty : spec[(colon + 1)..];
        switch (kind)
        {
            case "positional":
                return new PositionalSource(ParseIndex(argument, spec), false);
            case "positionals":
                return new PositionalSource(ParseIndex(argument, spec), true);
            case "last":
                return new LastPositionalSource();
            case "flag" when argument.Length > 0:
                return new FlagSource(argument.Split('|'));
            case "prefix" when argument.Length > 0:
                return new PrefixSource(argument);
            case "flagPresent" when argument.Contains('=', StringComparison.Ordinal):
                var equals = argument.IndexOf('=', StringComparison.Ordinal);
                return new FlagPresentSource(argument[..equals].Split('|'), argument[(equals + 1)..]);
            default:
                throw new FormatException($"unknown value source '{spec}' (expected positional:N, positionals:N, last, flag:NAMES, prefix:TEXT, flagPresent:NAMES=VALUE)");
        }
    }

    private static int ParseIndex(string text, string spec) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
            ? index
            : throw new FormatException($"bad index in value source '{spec}'");

    private sealed class PositionalSource(int index, bool andAfter) : ValueSource
    {
        public override void Collect(ParsedArguments arguments, List<string> values)
        {
            var end = andAfter ? arguments.Positionals.Count : Math.Min(index + 1, arguments.Positionals.Count);
            for (var i = index; i < end; i++)
            {
                values.Add(arguments.Positionals[i].Text);
            }
        }
    }

    private sealed class LastPositionalSource : ValueSource
    {
        public override void Collect(ParsedArguments arguments, List<string> values)
        {
            if (arguments.Positionals.Count > 0)
            {
                values.Add(arguments.Positionals[^1].Text);
            }
        }
    }

    private sealed class FlagSource(string[] names) : ValueSource
    {
        public override void Collect(ParsedArguments arguments, List<string> values)
        {
            foreach (var flag in arguments.Flags)
            {
                if (flag.Value is not null && Array.IndexOf(names, flag.Name) >= 0)
                {
                    values.Add(flag.Value);
                }
            }
        }
    }

    private sealed class PrefixSource(string prefix) : ValueSource
    {
        public override void Collect(ParsedArguments arguments, List<string> values)
        {
            foreach (var positional in arguments.Positionals)
            {
                var text = positional.Text;
                if (text.Length > prefix.Length && text.StartsWith(prefix, StringComparison.Ordinal))
                {
                    values.Add(text[prefix.Length..]);
                }
            }
        }
    }

    private sealed class FlagPresentSource(string[] names, string constant) : ValueSource
    {
        public override void Collect(ParsedArguments arguments, List<string> values)
        {
            foreach (var name in names)
            {
                if (arguments.HasFlag(name))
                {
                    values.Add(constant);
                    return;
                }
            }
        }
    }
}
