namespace Gatehouse.Cedar;

/// <summary>Shared instances of the longs policies compute most; values are immutable and compared by value.</summary>
internal static class SmallLongs
{
    public const long Minimum = -128;

    public static readonly CedarLong[] Table = Build();

    private static CedarLong[] Build()
    {
        var table = new CedarLong[1152];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = new CedarLong(Minimum + i);
        }

        return table;
    }
}
