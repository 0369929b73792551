namespace Gatehouse.Core.Catalog;

/// <summary>How one tool spells its options: which take a value, and whether short flags bundle (<c>-rf</c>).</summary>
/// <param name="ValueFlags">Options whose value may be the next word (<c>-n prod</c>) or attached (<c>--namespace=prod</c>, bundled <c>-cSQL</c>).</param>
/// <param name="AttachedValueFlags">Options whose value only ever comes attached (<c>mysql -psecret</c>); alone they take nothing.</param>
/// <param name="BundlesShortFlags">Whether <c>-abc</c> means <c>-a -b -c</c>; otherwise it is one option named <c>-abc</c> (terraform, find style).</param>
/// <param name="OptionsEndAfter">After this many positionals every word is a positional (0: never): an interpreter's
/// options end at the script name, so <c>python manage.py shell -c CODE</c> is not <c>python -c</c>.</param>
/// <param name="CaseInsensitive">Whether option names are case-insensitive (PowerShell's <c>-Recurse</c> is <c>-recurse</c>):
/// names are folded to lower case when parsed and when the catalog is compiled.</param>
/// <remarks>Plain hash sets: a tool has a handful of options, and building frozen sets for ~100 tools would dominate load time.</remarks>
internal sealed record ArgumentSyntax(IReadOnlySet<string> ValueFlags, IReadOnlySet<string> AttachedValueFlags, bool BundlesShortFlags, int OptionsEndAfter, bool CaseInsensitive = false);
