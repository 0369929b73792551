using Gatehouse.Core;

namespace Gatehouse.Cli;

/// <summary>Parsed arguments of <c>gatehouse check</c>.</summary>
internal sealed record CheckOptions
{
    public InputKind Kind { get; init; } = InputKind.Shell;

    public string? Environment { get; init; }

    public bool Json { get; init; }

    public bool Explain { get; init; }

    /// <summary>A file of JSON lines, or <c>-</c> for standard input.</summary>
    public string? BatchSource { get; init; }

    /// <summary>The single input; <c>-</c> reads it from standard input.</summary>
    public string? Input { get; init; }

    public string? PolicyPath { get; init; }

    public string? InventoryPath { get; init; }

    /// <summary>A policy context file (code freezes) loaded into the same snapshot as the policies.</summary>
    public string? ContextPath { get; init; }

    public static bool TryParseKind(string text, out InputKind kind)
    {
        switch (text.ToLowerInvariant())
        {
            case "shell":
                kind = InputKind.Shell;
                return true;
            case "sql":
                kind = InputKind.Sql;
                return true;
            case "graphql":
                kind = InputKind.GraphQL;
                return true;
            case "http":
                kind = InputKind.Http;
                return true;
            default:
                kind = InputKind.Shell;
                return false;
        }
    }

    /// <summary>Parses the arguments after <c>check</c>; returns an error message instead of throwing.</summary>
    public static CheckOptions? Parse(IReadOnlyList<string> arguments, out string? error)
    {
        error = null;
        var options = new CheckOptions();
        var inputs = new List<string>();
        var optionsEnded = false;
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            if (optionsEnded || argument.Length < 2 || argument[0] != '-')
            {
                inputs.Add(argument);
                continue;
            }

            string? Value()
            {
                if (i + 1 < arguments.Count)
                {
                    return arguments[++i];
                }

                return null;
            }

            switch (argument)
            {
                case "--":
                    optionsEnded = true;
                    break;
                case "--json":
                    options = options with { Json = true };
                    break;
                case "--explain":
                    options = options with { Explain = true };
                    break;
                case "--kind":
                    var kindText = Value();
                    if (kindText is null || !TryParseKind(kindText, out var kind))
                    {
                        error = $"--kind takes one of shell, sql, http, graphql (got '{kindText}').";
                        return null;
                    }

                    options = options with { Kind = kind };
                    break;
                case "--env":
                    options = options with { Environment = Value() ?? string.Empty };
                    if (options.Environment.Length == 0)
                    {
                        error = "--env takes an environment name.";
                        return null;
                    }

                    break;
                case "--batch":
                    options = options with { BatchSource = Value() };
                    if (options.BatchSource is null)
                    {
                        error = "--batch takes a file of JSON lines, or - for standard input.";
                        return null;
                    }

                    break;
                case "--policy":
                    options = options with { PolicyPath = Value() ?? string.Empty };
                    break;
                case "--inventory":
                    options = options with { InventoryPath = Value() ?? string.Empty };
                    break;
                case "--context":
                    options = options with { ContextPath = Value() ?? string.Empty };
                    break;
                default:
                    error = $"Unknown option '{argument}'. Put the input after -- if it starts with a dash.";
                    return null;
            }
        }

        if (options.BatchSource is not null && inputs.Count > 0)
        {
            error = "Give either --batch or an input, not both.";
            return null;
        }

        if (options.BatchSource is null && inputs.Count == 0)
        {
            error = "Nothing to check: give the input as an argument, or - to read it from standard input.";
            return null;
        }

        return options with { Input = inputs.Count == 0 ? null : string.Join(' ', inputs) };
    }
}
