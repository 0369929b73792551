namespace Gatehouse.Cedar.Validation;

/// <summary>A typechecked expression: its type and the capabilities that hold when it evaluates to true.</summary>
internal readonly record struct Typed(ValidationType Type, Capabilities WhenTrue)
{
    public Typed(ValidationType type)
        : this(type, Capabilities.None)
    {
    }
}
