using System.Text;

namespace Gatehouse.Core.Policy;

/// <summary>
/// The exact text of everything one snapshot is built from: the policy files, the inventory and the context.
/// Read once, then either compiled or matched character for character against a cached compilation.
/// </summary>
/// <param name="PolicyFiles">Each policy file's name (as errors show it) and text, in load order.</param>
/// <param name="PolicySource">Where the policies came from: the path given, or <see cref="PolicyLoader.DefaultSource"/>.</param>
/// <param name="InventoryPath">The inventory file, or null for none.</param>
/// <param name="InventoryText">Its text, or null for none.</param>
/// <param name="ContextPath">The policy context file, or null for none.</param>
/// <param name="ContextText">Its text, or null for none.</param>
public sealed record PolicySources(
    IReadOnlyList<(string Name, string Text)> PolicyFiles,
    string PolicySource,
    string? InventoryPath,
    string? InventoryText,
    string? ContextPath,
    string? ContextText)
{
    /// <summary>Reads the files (the default set when <paramref name="policyPath"/> is null); throws <see cref="PolicyLoadException"/>.</summary>
    public static PolicySources Read(string? policyPath, string? inventoryPath, string? contextPath)
    {
        var files = policyPath is null ? PolicyLoader.DefaultFiles() : PolicyLoader.ReadPolicyFiles(policyPath);
        var inventoryText = inventoryPath is null ? null : ReadInventory(inventoryPath);
        var contextText = contextPath is null ? null : PolicyContextReader.ReadFile(contextPath);
        return new PolicySources(files, policyPath ?? PolicyLoader.DefaultSource, inventoryPath, inventoryText, contextPath, contextText);
    }

    /// <summary>Whether <paramref name="other"/> holds exactly the same names and texts (ordinal, character for character).</summary>
    public bool SameAs(PolicySources other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (PolicyFiles.Count != other.PolicyFiles.Count
            || !string.Equals(PolicySource, other.PolicySource, StringComparison.Ordinal)
            || !string.Equals(InventoryPath, other.InventoryPath, StringComparison.Ordinal)
            || !string.Equals(InventoryText, other.InventoryText, StringComparison.Ordinal)
            || !string.Equals(ContextPath, other.ContextPath, StringComparison.Ordinal)
            || !string.Equals(ContextText, other.ContextText, StringComparison.Ordinal))
        {
            return false;
        }

        for (var i = 0; i < PolicyFiles.Count; i++)
        {
            if (!string.Equals(PolicyFiles[i].Name, other.PolicyFiles[i].Name, StringComparison.Ordinal)
                || !string.Equals(PolicyFiles[i].Text, other.PolicyFiles[i].Text, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static string ReadInventory(string path)
    {
        try
        {
            return Inventory.Inventory.ReadFile(path);
        }
        catch (Inventory.InventoryException exception)
        {
            throw new PolicyLoadException($"inventory: {exception.Message}", exception);
        }
    }

    /// <summary>A short name for where these sources live, so each project keeps one cache entry of its own.</summary>
    internal string Location()
    {
        var text = new StringBuilder(PolicySource).Append('\n').Append(InventoryPath).Append('\n').Append(ContextPath).ToString();

        // FNV-1a, 64-bit: only a file name. A collision costs a cache miss, never a wrong snapshot, because a cached
        // entry is used only when every source text matches.
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
    }
}
