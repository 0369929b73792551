namespace Gatehouse.Cli;

/// <summary>The options of <c>gatehouse cedar authorize|validate</c>, named like the official <c>cedar</c> command line.</summary>
internal sealed class CedarOptions
{
    private static readonly string[] Known = ["--policies", "--entities", "--schema", "--principal", "--action", "--resource", "--context", "--request-json"];

    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public string? this[string name] => _values.GetValueOrDefault(name);

    /// <summary>Every option takes one value (`--name VALUE` or `--name=VALUE`); unknown or repeated options are errors.</summary>
    public static CedarOptions? Parse(IReadOnlyList<string> arguments, out string error)
    {
        var options = new CedarOptions();
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            var equals = argument.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? argument[..equals] : argument;
            if (Array.IndexOf(Known, name) < 0)
            {
                error = $"unknown argument '{argument}'";
                return null;
            }

            string value;
            if (equals > 0)
            {
                value = argument[(equals + 1)..];
            }
            else if (i + 1 < arguments.Count)
            {
                value = arguments[++i];
            }
            else
            {
                error = $"{name} needs a value";
                return null;
            }

            if (!options._values.TryAdd(name, value))
            {
                error = $"{name} given twice";
                return null;
            }
        }

        error = "";
        return options;
    }
}
