namespace Gatehouse.Cedar.Tests.Oracle;

/// <summary>
/// One authorization question for both engines, as the texts a user would hand either of them: Cedar policy
/// text, the entities JSON array, and the request JSON ({principal, action, resource, context}).
/// </summary>
internal sealed record DifferentialCase(string Name, string Policies, string EntitiesJson, string RequestJson)
{
    public override string ToString() => Name;
}

/// <summary>One validation question: Cedar policy text and a schema (human-readable text or JSON).</summary>
internal sealed record ValidationCase(string Name, string Policies, string Schema, bool SchemaIsJson)
{
    public override string ToString() => Name;
}
