using Gatehouse.Core.Analysis;
using Gatehouse.Core.Catalog;
using Gatehouse.Core.Http;
using Gatehouse.Core.Model;
using Gatehouse.Core.Sql;

namespace Gatehouse.Core;

/// <summary>
/// The classification entry point: turns one input (a shell command line, SQL, a GraphQL
/// document or request body, a raw HTTP request) into the actions it performs. It never throws
/// for bad input; an input it cannot understand yields an opaque action that no decision allows.
/// </summary>
public static class ActionClassifier
{
    public static Classification Classify(InputKind kind, string input, string? declaredEnvironment = null) =>
        Classify(kind, input, ToolCatalog.Default, declaredEnvironment);

    public static Classification Classify(InputKind kind, string input, ToolCatalog catalog, string? declaredEnvironment = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(catalog);
        Classification classification;
        try
        {
            classification = kind switch
            {
                InputKind.Shell => CommandWalker.Classify(input, catalog),
                InputKind.Sql => Wrap(SqlClassifier.Classify(input), "sql"),
                InputKind.GraphQL => Wrap(CommandWalker.ClassifyGraphQLInput(input), "graphql"),
                InputKind.Http => Wrap(ClassifyRawHttp(input), "http"),
                _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown input kind."),
            };
        }
        catch (Exception exception) when (exception is not ArgumentOutOfRangeException)
        {
            // A classifier bug must never turn into an allow: report the input as opaque and critical.
            var failure = ActionFactory.Opaque("gatehouse", "gatehouse.internal-error", $"classification failed ({exception.GetType().Name}: {exception.Message})", Risk.Critical, Verb.Unknown);
            classification = new Classification([failure], []);
        }

        return declaredEnvironment is null ? classification : ApplyDeclaredEnvironment(classification, declaredEnvironment);
    }

    private static Classification Wrap(IReadOnlyList<AgentAction> actions, string segment) =>
        new(actions, [new Segment(segment, segment)]);

    private static IReadOnlyList<AgentAction> ClassifyRawHttp(string input)
    {
        var request = RawHttpRequest.Parse(input);
        return request is null
            ? [ActionFactory.ParseError("http", "not an HTTP request: expected 'METHOD URL' on the first line")]
            : HttpRequestClassifier.Classify(request);
    }

    /// <summary>
    /// The environment the caller says the session works in fills in targets that name none. It never
    /// lowers what the input itself shows: a production host stays production in a "staging" session.
    /// </summary>
    private static Classification ApplyDeclaredEnvironment(Classification classification, string environment)
    {
        var declared = EnvironmentResolver.Resolve([environment]);
        if (declared.Count == 0)
        {
            declared = [environment];
        }

        var actions = new List<AgentAction>(classification.Actions.Count);
        foreach (var action in classification.Actions)
        {
            actions.Add(action.Target.Environments.Count > 0 || !action.Verb.IsMutating()
                ? action
                : action with { Target = action.Target with { Environments = declared } });
        }

        return classification with { Actions = actions };
    }
}
