using Gatehouse.Core.Model;

namespace Gatehouse.Core.Catalog;

/// <summary>
/// The names catalog documents use for enum values, matched ignoring case. Written out rather than found with
/// <c>Enum.TryParse</c>: a hook process compiles catalog rules on first use, and the first reflective enum parse in a
/// process costs about 2.5 ms of start-up on its own. The tests check every table against the enum it names, so a value
/// added to an enum and not here fails them.
/// </summary>
internal static class CatalogEnumNames
{
    public static readonly (string Name, Verb Value)[] Verbs =
    [
        ("Unknown", Verb.Unknown), ("Read", Verb.Read), ("List", Verb.List), ("Create", Verb.Create), ("Update", Verb.Update),
        ("Delete", Verb.Delete), ("Execute", Verb.Execute), ("Grant", Verb.Grant), ("Revoke", Verb.Revoke), ("Deploy", Verb.Deploy),
    ];

    public static readonly (string Name, Risk Value)[] Risks =
    [
        ("None", Risk.None), ("Low", Risk.Low), ("Medium", Risk.Medium), ("High", Risk.High), ("Critical", Risk.Critical),
    ];

    public static readonly (string Name, PathMode Value)[] PathModes =
    [
        ("Destroy", PathMode.Destroy), ("Modify", PathMode.Modify), ("Read", PathMode.Read), ("Write", PathMode.Write),
    ];

    public static readonly (string Name, PathSelection Value)[] PathSelections =
    [
        ("All", PathSelection.All), ("Sources", PathSelection.Sources), ("Destination", PathSelection.Destination), ("Flags", PathSelection.Flags),
    ];

    public static readonly (string Name, EmbeddedLanguage Value)[] Languages =
    [
        ("Sql", EmbeddedLanguage.Sql), ("Mongo", EmbeddedLanguage.Mongo), ("Redis", EmbeddedLanguage.Redis), ("Shell", EmbeddedLanguage.Shell),
        ("Python", EmbeddedLanguage.Python), ("JavaScript", EmbeddedLanguage.JavaScript), ("Ruby", EmbeddedLanguage.Ruby),
        ("Perl", EmbeddedLanguage.Perl), ("Php", EmbeddedLanguage.Php),
    ];

    public static readonly (string Name, DelegationSource Value)[] Sources =
    [
        ("Inline", DelegationSource.Inline), ("StandardInput", DelegationSource.StandardInput), ("File", DelegationSource.File),
    ];

    public static readonly (string Name, DelegationDecoding Value)[] Decodings =
    [
        ("None", DelegationDecoding.None), ("Base64Utf16", DelegationDecoding.Base64Utf16),
    ];

    public static readonly (string Name, PathScope Value)[] PathScopes =
    [
        ("WorkspaceRegenerable", PathScope.WorkspaceRegenerable), ("Workspace", PathScope.Workspace), ("WorkspaceRoot", PathScope.WorkspaceRoot),
        ("Temporary", PathScope.Temporary), ("HomeSubpath", PathScope.HomeSubpath), ("Home", PathScope.Home),
        ("OutsideWorkspace", PathScope.OutsideWorkspace), ("System", PathScope.System), ("SystemRoot", PathScope.SystemRoot),
        ("Device", PathScope.Device), ("Dynamic", PathScope.Dynamic), ("HomeRegenerable", PathScope.HomeRegenerable),
        ("WorkspaceData", PathScope.WorkspaceData), ("Protected", PathScope.Protected),
    ];

    /// <summary>The value named <paramref name="text"/> (ignoring case); throws <see cref="FormatException"/> naming the choices.</summary>
    public static T Parse<T>((string Name, T Value)[] table, string text, string property)
        where T : struct, Enum
    {
        foreach (var (name, value) in table)
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        var names = new string[table.Length];
        for (var i = 0; i < table.Length; i++)
        {
            names[i] = table[i].Name;
        }

        throw new FormatException($"'{property}' value '{text}' is not one of {string.Join(", ", names)}");
    }
}
