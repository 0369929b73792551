namespace Gatehouse.Cli;

/// <summary>
/// The arguments of a <c>gatehouse policy</c> subcommand: options that take a value, flags, and the
/// positional arguments, in order. Anything not declared is an error, so a misspelt option never
/// silently becomes an input.
/// </summary>
internal sealed class PolicyArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    private PolicyArguments()
    {
    }

    public List<string> Positionals { get; } = [];

    public string? Value(string option) => _values.TryGetValue(option, out var value) ? value : null;

    public bool Flag(string flag) => _flags.Contains(flag);

    public static PolicyArguments? Parse(IReadOnlyList<string> arguments, IReadOnlyCollection<string> valueOptions, IReadOnlyCollection<string> flags, out string? error)
    {
        error = null;
        var parsed = new PolicyArguments();
        var optionsEnded = false;
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            if (optionsEnded || argument.Length < 2 || argument[0] != '-')
            {
                parsed.Positionals.Add(argument);
                continue;
            }

            if (argument == "--")
            {
                optionsEnded = true;
            }
            else if (valueOptions.Contains(argument))
            {
                if (i + 1 >= arguments.Count || arguments[i + 1].Length == 0)
                {
                    error = $"{argument} takes a value.";
                    return null;
                }

                if (!parsed._values.TryAdd(argument, arguments[++i]))
                {
                    error = $"{argument} is given twice.";
                    return null;
                }
            }
            else if (flags.Contains(argument))
            {
                parsed._flags.Add(argument);
            }
            else
            {
                error = $"unknown option '{argument}'. Put an input after -- if it starts with a dash.";
                return null;
            }
        }

        return parsed;
    }
}
