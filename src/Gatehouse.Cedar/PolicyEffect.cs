namespace Gatehouse.Cedar;

/// <summary>What a satisfied policy asks for; a satisfied forbid always wins over any permit.</summary>
public enum PolicyEffect
{
    Permit,
    Forbid,
}
