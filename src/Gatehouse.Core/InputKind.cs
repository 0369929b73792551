namespace Gatehouse.Core;

/// <summary>The languages <see cref="ActionClassifier"/> accepts directly.</summary>
public enum InputKind
{
    Shell,
    Sql,
    GraphQL,
    Http,
}
