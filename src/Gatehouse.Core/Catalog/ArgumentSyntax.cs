using System.Collections.Frozen;

namespace Gatehouse.Core.Catalog;

/// <summary>How one tool spells its options: which take a value, and whether short flags bundle (<c>-rf</c>).</summary>
/// <param name="ValueFlags">Options whose value may be the next word (<c>-n prod</c>) or attached (<c>--namespace=prod</c>, bundled <c>-cSQL</c>).</param>
/// <param name="AttachedValueFlags">Options whose value only ever comes attached (<c>mysql -psecret</c>); alone they take nothing.</param>
/// <param name="BundlesShortFlags">Whether <c>-abc</c> means <c>-a -b -c</c>; otherwise it is one option named <c>-abc</c> (terraform, find style).</param>
/// <param name="OptionsEndAfter">After this many positionals every word is a positional (0: never): an interpreter's
/// options end at the script name, so <c>python manage.py shell -c CODE</c> is not <c>python -c</c>.</param>
internal sealed record ArgumentSyntax(FrozenSet<string> ValueFlags, FrozenSet<string> AttachedValueFlags, bool BundlesShortFlags, int OptionsEndAfter);
