namespace Gatehouse.Cedar.Evaluation;

/// <summary>Dispatches extension constructors and methods (ip, decimal, datetime, duration) to the extension types.</summary>
internal static class ExtensionCalls
{
    public static bool IsComparable(CedarExtensionValue value) => value.ExtensionType is "datetime" or "duration";

    public static int Compare(CedarExtensionValue left, CedarExtensionValue right) =>
        ((IComparable)left.Value).CompareTo(right.Value);

    public static CedarValue Construct(string function, CedarValue[] arguments) =>
        throw new EvaluationException($"extension function '{function}' is not available ({arguments.Length} arguments)");

    public static CedarValue InvokeMethod(string method, CedarValue target, CedarValue[] arguments) =>
        throw new EvaluationException($"method '{method}' is not available on {target.TypeName} ({arguments.Length} arguments)");
}
