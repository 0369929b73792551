namespace Gatehouse.Core.Model;

/// <summary>What a verb says about its effect, independent of any policy.</summary>
internal static class VerbFacts
{
    /// <summary>Everything but reading and listing can change state; <see cref="Verb.Unknown"/> counts as changing it.</summary>
    public static bool IsMutating(this Verb verb) => verb is not (Verb.Read or Verb.List);
}
