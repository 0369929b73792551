using Gatehouse.Cedar;

namespace Gatehouse.Cli;

/// <summary><c>gatehouse cedar validate</c>: strict validation of a policy file against a schema, one located message per error.</summary>
internal static class CedarValidateCommand
{
    public static int Run(CedarOptions options, TextWriter output)
    {
        var policiesPath = CedarCommand.Required(options, "--policies");
        var schema = ReadSchema(CedarCommand.Required(options, "--schema"));
        var policies = PolicySet.Parse(CedarCommand.ReadFile(policiesPath), policiesPath);
        var result = PolicyValidator.Validate(policies, schema);
        if (result.IsValid)
        {
            output.WriteLine("validation passed");
            return ExitCodes.Allow;
        }

        foreach (var error in result.Errors)
        {
            output.WriteLine($"{policiesPath}:{error.Line}:{error.Column}: error: {error.PolicyId}: {error.Message}");
        }

        output.WriteLine($"validation failed: {result.Errors.Count} error(s)");
        return ExitCodes.Error;
    }

    /// <summary>A schema file: the JSON format when it starts with '{', the human-readable format otherwise.</summary>
    internal static CedarSchema ReadSchema(string path)
    {
        var text = CedarCommand.ReadFile(path);
        return text.AsSpan().TrimStart().StartsWith("{", StringComparison.Ordinal) ? CedarSchema.FromJson(text) : CedarSchema.Parse(text, path);
    }
}
