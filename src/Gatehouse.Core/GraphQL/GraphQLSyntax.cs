namespace Gatehouse.Core.GraphQL;

internal enum GraphQLOperationType
{
    Query,
    Mutation,
    Subscription,
}

internal enum GraphQLValueKind
{
    Variable,
    Int,
    Float,
    String,
    Boolean,
    Null,
    Enum,
    List,
    Object,
}

/// <summary>
/// A GraphQL input value. One shape for every kind keeps the tree small: scalars and variable/enum names
/// live in <see cref="Text"/>, lists in <see cref="Items"/>, objects in <see cref="Fields"/>.
/// </summary>
internal sealed record GraphQLValue(
    GraphQLValueKind Kind,
    string? Text,
    IReadOnlyList<GraphQLValue>? Items = null,
    IReadOnlyList<KeyValuePair<string, GraphQLValue>>? Fields = null);

internal abstract record GraphQLSelection;

/// <summary>
/// <c>alias: name(arguments) @directives { … }</c>. The field's own selection set is checked for syntax but
/// not kept: what a root field returns does not change what it does.
/// </summary>
internal sealed record GraphQLField(
    string? Alias,
    string Name,
    IReadOnlyList<KeyValuePair<string, GraphQLValue>> Arguments,
    int Position) : GraphQLSelection;

/// <summary><c>...FragmentName</c>.</summary>
internal sealed record GraphQLFragmentSpread(string Name, int Position) : GraphQLSelection;

/// <summary><c>... on Type { … }</c> or <c>... { … }</c>.</summary>
internal sealed record GraphQLInlineFragment(string? TypeCondition, IReadOnlyList<GraphQLSelection> SelectionSet) : GraphQLSelection;

internal sealed record GraphQLVariableDefinition(string Name, GraphQLValue? DefaultValue);

/// <summary>An operation; <see cref="Spreads"/> names every fragment spread anywhere inside it, at any depth.</summary>
internal sealed record GraphQLOperation(
    GraphQLOperationType Type,
    string? Name,
    IReadOnlyList<GraphQLVariableDefinition> Variables,
    IReadOnlyList<GraphQLSelection> SelectionSet,
    IReadOnlyList<string> Spreads);

/// <summary>A fragment definition; <see cref="Spreads"/> names every fragment spread anywhere inside it, at any depth.</summary>
internal sealed record GraphQLFragment(
    string Name,
    string TypeCondition,
    IReadOnlyList<GraphQLSelection> SelectionSet,
    IReadOnlyList<string> Spreads);

internal sealed record GraphQLDocument(IReadOnlyList<GraphQLOperation> Operations, IReadOnlyDictionary<string, GraphQLFragment> Fragments);
