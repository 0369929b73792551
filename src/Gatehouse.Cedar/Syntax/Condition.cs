namespace Gatehouse.Cedar.Syntax;

/// <summary>A <c>when</c> (IsWhen) or <c>unless</c> clause.</summary>
internal sealed record Condition(bool IsWhen, Expr Body);
