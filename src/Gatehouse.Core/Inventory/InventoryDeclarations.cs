namespace Gatehouse.Core.Inventory;

/// <summary>A scalar from the document with where it was written, so validation can point at it.</summary>
internal readonly record struct Located(string Value, long Line, long Column);

internal sealed record EnvironmentDeclaration(Located Name, IReadOnlyList<Located> Aliases);

internal sealed record RelationDeclaration(InventoryRelationKind Kind, Located Target);

internal sealed record ResourceDeclaration(
    Located Id,
    Located Kind,
    IReadOnlyList<Located> Names,
    IReadOnlyList<Located> Environments,
    IReadOnlyList<RelationDeclaration> Relations,
    string? Description);

internal sealed record CredentialDeclaration(
    Located Id,
    IReadOnlyList<Located> Resources,
    IReadOnlyList<Located> Environments,
    IReadOnlyList<Located> EnvironmentVariables,
    IReadOnlyList<Located> Profiles,
    IReadOnlyList<Located> Files,
    string? Description);

/// <summary>The document as written, before cross-references are checked.</summary>
internal sealed record InventoryDocument(
    IReadOnlyList<EnvironmentDeclaration> Environments,
    IReadOnlyList<ResourceDeclaration> Resources,
    IReadOnlyList<CredentialDeclaration> Credentials);
