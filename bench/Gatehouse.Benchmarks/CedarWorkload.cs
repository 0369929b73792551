using System.Globalization;
using System.Text;

namespace Gatehouse.Benchmarks;

/// <summary>
/// The Cedar benchmark's workload, the same for Gatehouse.Cedar and cedar-wasm: 100 policies (group and folder
/// scopes, owner and attribute conditions, forbids), 1,000 entities (700 users in nested groups, 200 documents in
/// a folder tree, attributes), and 200 requests that mix Allow and Deny. Seeded, so every run measures the same.
/// </summary>
internal sealed class CedarWorkload
{
    private const int Users = 700;
    private const int Groups = 46;
    private const int Folders = 50;
    private const int Documents = 200;
    private static readonly string[] ActionNames = ["read", "edit", "delete", "share"];

    private CedarWorkload(string policies, string entities, IReadOnlyList<string> requests)
    {
        Policies = policies;
        EntitiesJson = entities;
        RequestsJson = requests;
    }

    public string Policies { get; }

    public string EntitiesJson { get; }

    /// <summary>Each request as {principal, action, resource, context} JSON.</summary>
    public IReadOnlyList<string> RequestsJson { get; }

    public static CedarWorkload Create(int seed = 1234)
    {
        var random = new Random(seed);
        return new CedarWorkload(PolicyText(random), EntityJson(random), RequestJson(random));
    }

    /// <summary>Writes policies.cedar, entities.json and requests.json (an array) for the Node side of the benchmark.</summary>
    public void Write(string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "policies.cedar"), Policies);
        File.WriteAllText(Path.Combine(directory, "entities.json"), EntitiesJson);
        File.WriteAllText(Path.Combine(directory, "requests.json"), "[\n" + string.Join(",\n", RequestsJson) + "\n]\n");
    }

    private static string PolicyText(Random random)
    {
        var text = new StringBuilder();
        for (var i = 0; i < 40; i++)
        {
            text.Append(Invariant($"permit(principal in Group::\"g{random.Next(Groups)}\", action == Action::\"read\", resource in Folder::\"f{random.Next(Folders)}\");\n"));
        }

        for (var i = 0; i < 20; i++)
        {
            text.Append(Invariant($"permit(principal, action in [Action::\"read\", Action::\"edit\"], resource is Doc) when {{ resource.owner == principal && principal.level > {random.Next(5)} }};\n"));
        }

        for (var i = 0; i < 20; i++)
        {
            text.Append(Invariant($"permit(principal is User, action == Action::\"edit\", resource in Folder::\"f{random.Next(Folders)}\") when {{ principal.level >= {random.Next(10)} && principal.dept == \"d{random.Next(8)}\" }};\n"));
        }

        for (var i = 0; i < 15; i++)
        {
            text.Append(Invariant($"forbid(principal, action == Action::\"delete\", resource in Folder::\"f{random.Next(Folders)}\") unless {{ principal in Group::\"g{random.Next(Groups)}\" }};\n"));
        }

        for (var i = 0; i < 5; i++)
        {
            text.Append(Invariant($"forbid(principal, action in [Action::\"share\", Action::\"edit\"], resource) when {{ resource has classification && resource.classification > principal.clearance + {i} }};\n"));
        }

        return text.ToString();
    }

    private static string EntityJson(Random random)
    {
        var json = new StringBuilder("[\n");
        for (var i = 0; i < Users; i++)
        {
            var parents = new HashSet<int>();
            var groupCount = 1 + random.Next(3);
            while (parents.Count < groupCount)
            {
                parents.Add(random.Next(Groups));
            }

            json.Append(Invariant($"{{\"uid\":{{\"type\":\"User\",\"id\":\"u{i}\"}},\"attrs\":{{\"dept\":\"d{random.Next(8)}\",\"level\":{random.Next(10)},\"clearance\":{random.Next(5)}}},\"parents\":["))
                .Append(string.Join(",", parents.Select(g => Invariant($"{{\"type\":\"Group\",\"id\":\"g{g}\"}}"))))
                .Append("]},\n");
        }

        // Groups nest: each group's parent has a smaller number, so the hierarchy is a forest several levels deep.
        for (var i = 0; i < Groups; i++)
        {
            var parent = i == 0 ? "" : Invariant($"{{\"type\":\"Group\",\"id\":\"g{random.Next(i)}\"}}");
            json.Append(Invariant($"{{\"uid\":{{\"type\":\"Group\",\"id\":\"g{i}\"}},\"attrs\":{{}},\"parents\":[{parent}]}},\n"));
        }

        for (var i = 0; i < Folders; i++)
        {
            var parent = i == 0 ? "" : Invariant($"{{\"type\":\"Folder\",\"id\":\"f{random.Next(i)}\"}}");
            json.Append(Invariant($"{{\"uid\":{{\"type\":\"Folder\",\"id\":\"f{i}\"}},\"attrs\":{{}},\"parents\":[{parent}]}},\n"));
        }

        for (var i = 0; i < Documents; i++)
        {
            var classification = random.Next(3) == 0 ? Invariant($",\"classification\":{random.Next(8)}") : "";
            json.Append(Invariant($"{{\"uid\":{{\"type\":\"Doc\",\"id\":\"doc{i}\"}},\"attrs\":{{\"owner\":{{\"__entity\":{{\"type\":\"User\",\"id\":\"u{random.Next(Users)}\"}}}}{classification}}},\"parents\":[{{\"type\":\"Folder\",\"id\":\"f{random.Next(Folders)}\"}}]}},\n"));
        }

        for (var i = 0; i < ActionNames.Length; i++)
        {
            json.Append(Invariant($"{{\"uid\":{{\"type\":\"Action\",\"id\":\"{ActionNames[i]}\"}},\"attrs\":{{}},\"parents\":[]}}"))
                .Append(i + 1 < ActionNames.Length ? ",\n" : "\n");
        }

        return json.Append(']').ToString();
    }

    private static List<string> RequestJson(Random random)
    {
        var requests = new List<string>();
        for (var i = 0; i < 200; i++)
        {
            var action = ActionNames[random.Next(ActionNames.Length)];
            requests.Add(Invariant($"{{\"principal\":{{\"type\":\"User\",\"id\":\"u{random.Next(Users)}\"}},\"action\":{{\"type\":\"Action\",\"id\":\"{action}\"}},\"resource\":{{\"type\":\"Doc\",\"id\":\"doc{random.Next(Documents)}\"}},\"context\":{{}}}}"));
        }

        return requests;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
