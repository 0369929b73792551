using Gatehouse.Cedar.Schema;

namespace Gatehouse.Cedar.Validation;

/// <summary>One combination of principal type, action and resource type that the schema allows.</summary>
internal sealed record RequestEnvironment(string PrincipalType, SchemaAction Action, string ResourceType);
