using System.Text;
using System.Text.Json;
using Gatehouse.Cedar;

namespace Gatehouse.Cli;

/// <summary>
/// <c>gatehouse cedar authorize</c>: one decision, printed like the official CLI (ALLOW or DENY, then the
/// policies that determined it and those that errored). A schema, when given, must parse; the request and
/// entities are not checked against it.
/// </summary>
internal static class CedarAuthorizeCommand
{
    public static int Run(CedarOptions options, TextWriter output)
    {
        var policiesPath = CedarCommand.Required(options, "--policies");
        var entitiesPath = CedarCommand.Required(options, "--entities");
        var policies = PolicySet.Parse(CedarCommand.ReadFile(policiesPath), policiesPath);
        var entities = Entities.FromJson(CedarCommand.ReadFile(entitiesPath));
        if (options["--schema"] is { } schemaPath)
        {
            CedarValidateCommand.ReadSchema(schemaPath);
        }

        var response = new Authorizer(policies).IsAuthorized(Request(options), entities);
        Print(output, response);
        return response.Decision == CedarDecision.Allow ? ExitCodes.Allow : ExitCodes.Deny;
    }

    internal static void Print(TextWriter output, AuthorizationResponse response)
    {
        output.WriteLine(response.Decision == CedarDecision.Allow ? "ALLOW" : "DENY");
        if (response.DeterminingPolicies.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("note: this decision was due to the following policies:");
            foreach (var id in response.DeterminingPolicies)
            {
                output.WriteLine($"  {id}");
            }
        }

        if (response.Errors.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("note: these policies errored and were skipped:");
            foreach (var error in response.Errors)
            {
                output.WriteLine($"  {error.PolicyId}: {error.Message}");
            }
        }
    }

    private static AuthorizationRequest Request(CedarOptions options)
    {
        var hasParts = options["--principal"] is not null || options["--action"] is not null || options["--resource"] is not null || options["--context"] is not null;
        if (options["--request-json"] is { } requestPath)
        {
            return hasParts
                ? throw new MissingOptionException("--request-json cannot be combined with --principal/--action/--resource/--context")
                : AuthorizationRequest.FromJson(CedarCommand.ReadFile(requestPath));
        }

        var principal = EntityUid.Parse(Part(options, "--principal"));
        var action = EntityUid.Parse(Part(options, "--action"));
        var resource = EntityUid.Parse(Part(options, "--resource"));
        var context = options["--context"] is { } contextPath ? CedarCommand.ReadFile(contextPath) : "{}";

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            WriteUid(writer, "principal", principal);
            WriteUid(writer, "action", action);
            WriteUid(writer, "resource", resource);
            writer.WritePropertyName("context");
            try
            {
                using var document = JsonDocument.Parse(context);
                document.WriteTo(writer);
            }
            catch (JsonException exception)
            {
                throw new CedarException($"{options["--context"]}: invalid JSON: {exception.Message}", exception);
            }

            writer.WriteEndObject();
        }

        return AuthorizationRequest.FromJson(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static string Part(CedarOptions options, string name) =>
        options[name] ?? throw new MissingOptionException($"{name} UID is required (or give --request-json FILE)");

    private static void WriteUid(Utf8JsonWriter writer, string name, EntityUid uid)
    {
        writer.WriteStartObject(name);
        writer.WriteString("type", uid.Type);
        writer.WriteString("id", uid.Id);
        writer.WriteEndObject();
    }
}
