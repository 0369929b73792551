using System.Collections.Frozen;

namespace Gatehouse.Cedar.Syntax;

/// <summary>Names the grammar reserves, plus the built-in and extension function and method tables with their arities.</summary>
internal static class Reserved
{
    public static readonly FrozenSet<string> Identifiers = FrozenSet.Create(
        StringComparer.Ordinal, "true", "false", "if", "then", "else", "in", "is", "like", "has", "__cedar");

    public static readonly FrozenDictionary<string, int> Functions = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["ip"] = 1,
        ["decimal"] = 1,
        ["datetime"] = 1,
        ["duration"] = 1,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static readonly FrozenDictionary<string, int> Methods = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["contains"] = 1,
        ["containsAll"] = 1,
        ["containsAny"] = 1,
        ["isEmpty"] = 0,
        ["hasTag"] = 1,
        ["getTag"] = 1,
        ["isIpv4"] = 0,
        ["isIpv6"] = 0,
        ["isLoopback"] = 0,
        ["isMulticast"] = 0,
        ["isInRange"] = 1,
        ["lessThan"] = 1,
        ["lessThanOrEqual"] = 1,
        ["greaterThan"] = 1,
        ["greaterThanOrEqual"] = 1,
        ["offset"] = 1,
        ["durationSince"] = 1,
        ["toDate"] = 0,
        ["toTime"] = 0,
        ["toMilliseconds"] = 0,
        ["toSeconds"] = 0,
        ["toMinutes"] = 0,
        ["toHours"] = 0,
        ["toDays"] = 0,
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
