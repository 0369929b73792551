namespace Gatehouse.Core.Model;

/// <summary>What a verb says about its effect, independent of any policy.</summary>
internal static class VerbFacts
{
    /// <summary>Everything but reading and listing can change state; <see cref="Verb.Unknown"/> counts as changing it.</summary>
    public static bool IsMutating(this Verb verb) => verb is not (Verb.Read or Verb.List);

    /// <summary>Verbs that can destroy their target; <see cref="Verb.Unknown"/> counts, because an effect nobody can see is treated as the worst one.</summary>
    public static bool IsDestructive(this Verb verb) => verb is Verb.Delete or Verb.Revoke or Verb.Unknown;
}
