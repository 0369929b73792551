namespace Gatehouse.Cedar;

/// <summary>
/// A value of an extension type (ipaddr, decimal, datetime, duration). <see cref="Value"/> is the extension's own
/// immutable type; equality is that type's equality.
/// </summary>
public sealed class CedarExtensionValue : CedarValue
{
    internal CedarExtensionValue(string extensionType, string constructor, object value, string text)
    {
        ExtensionType = extensionType;
        Constructor = constructor;
        Value = value;
        Text = text;
    }

    /// <summary>Cedar's type name: ipaddr, decimal, datetime or duration.</summary>
    public string ExtensionType { get; }

    /// <summary>The function that builds it (ip, decimal, datetime, duration).</summary>
    public string Constructor { get; }

    public object Value { get; }

    /// <summary>The constructor's argument that reproduces the value.</summary>
    public string Text { get; }

    public override string TypeName => ExtensionType;

    public override bool Equals(CedarValue? other) =>
        other is CedarExtensionValue e && string.Equals(e.ExtensionType, ExtensionType, StringComparison.Ordinal) && e.Value.Equals(Value);

    public override int GetHashCode() => Value.GetHashCode();

    public override string ToString() => Constructor + "(" + Syntax.CedarStrings.Quote(Text) + ")";
}
