
namespace Gatehouse.Cedar.Syntax;

/// <summary>Names the grammar reserves, plus the built-in and extension function and method tables with their arities.</summary>
internal static class Reserved
{
    public static readonly HashSet<string> Identifiers = new(
        ["true", "false", "if", "then", "else", "in", "is", "like", "has", "__cedar"], StringComparer.Ordinal);

    /// <summary>The arity of a built-in extension function, or -1 when there is no such function.</summary>
    /// <remarks>Switches rather than frozen tables: the parser runs in every hook process, where a table costs JIT time to build.</remarks>
    public static int FunctionArity(string name) => name switch
    {
        "ip" or "decimal" or "datetime" or "duration" => 1,
        _ => -1,
    };

    /// <summary>The arity of a built-in or extension method (not counting the receiver), or -1 when there is no such method.</summary>
    public static int MethodArity(string name) => name switch
    {
        "isEmpty" or "isIpv4" or "isIpv6" or "isLoopback" or "isMulticast" or "toDate" or "toTime" or "toMilliseconds" or "toSeconds"
            or "toMinutes" or "toHours" or "toDays" => 0,
        "contains" or "containsAll" or "containsAny" or "hasTag" or "getTag" or "isInRange" or "lessThan" or "lessThanOrEqual"
            or "greaterThan" or "greaterThanOrEqual" or "offset" or "durationSince" => 1,
        _ => -1,
    };
}
