using System.Collections.Immutable;

namespace Gatehouse.Cedar.Tests.Oracle;

/// <summary>The kinds of value the generator builds expressions and JSON for.</summary>
internal enum ValueKind { Bool, Long, String, Entity, StringSet, LongSet, Record, Ip, Decimal, Datetime, Duration }

/// <summary>
/// The small, shared world the generator draws from: a few entity types and ids (so scopes, `in` and attribute
/// accesses often hit), attribute and context names with a fixed kind each (so `has` and accesses mean
/// something), and extension literals including invalid ones (so errors occur).
/// </summary>
internal static class GeneratorVocabulary
{
    public static readonly ImmutableArray<GeneratedUid> Users =
        [new("User", "alice"), new("User", "bob"), new("User", "carol"), new("User", "q\"uote\\d")];

    public static readonly ImmutableArray<GeneratedUid> Groups =
        [new("Group", "admins"), new("Group", "staff"), new("Group", "all"), new("App::Role", "auditor")];

    public static readonly ImmutableArray<GeneratedUid> Resources =
        [new("Doc", "d1"), new("Doc", "d2"), new("Doc", "d3"), new("Folder", "f1"), new("Folder", "root")];

    public static readonly ImmutableArray<GeneratedUid> Actions =
        [new("Action", "read"), new("Action", "write"), new("Action", "delete"), new("Action", "manage"), new("Action", "any")];

    /// <summary>Uids nothing in the entity list ever defines: a request or literal naming one reaches a missing entity.</summary>
    public static readonly ImmutableArray<GeneratedUid> Strangers =
        [new("User", "mallory"), new("Doc", "ghost"), new("Group", "nobody")];

    public static readonly ImmutableArray<string> EntityTypes = ["User", "Group", "Doc", "Folder", "App::Role", "Action"];

    public static readonly ImmutableArray<(string Name, ValueKind Kind)> Attributes =
    [
        ("age", ValueKind.Long), ("level", ValueKind.Long), ("name", ValueKind.String), ("owner", ValueKind.Entity),
        ("manager", ValueKind.Entity), ("roles", ValueKind.StringSet), ("nums", ValueKind.LongSet),
        ("info", ValueKind.Record), ("addr", ValueKind.Ip), ("balance", ValueKind.Decimal), ("since", ValueKind.Datetime),
        ("ttl", ValueKind.Duration), ("private", ValueKind.Bool),
    ];

    public static readonly ImmutableArray<(string Name, ValueKind Kind)> ContextKeys =
    [
        ("authenticated", ValueKind.Bool), ("hour", ValueKind.Long), ("src", ValueKind.Ip), ("amount", ValueKind.Decimal),
        ("now", ValueKind.Datetime), ("window", ValueKind.Duration), ("labels", ValueKind.StringSet), ("who", ValueKind.Entity),
        ("name", ValueKind.String),
    ];

    public static readonly ImmutableArray<string> TagKeys = ["env", "team"];

    public static readonly ImmutableArray<string> Strings = ["alice", "bob", "prod", "dev", "", "a*b", "al", "Ünï", "x y"];

    public static readonly ImmutableArray<string> LikePatterns = ["*", "a*", "*e", "*l*", "al\\*", "", "\\*", "*b*", "a*b"];

    public static readonly ImmutableArray<string> IpLiterals = ["10.0.0.1", "10.0.0.0/8", "127.0.0.1", "::1", "192.168.1.0/24", "224.0.0.1", "ff02::1"];

    public static readonly ImmutableArray<string> BadIpLiterals = ["1.2.3", "10.0.0.0/33", "x"];

    public static readonly ImmutableArray<string> DecimalLiterals = ["1.5", "-0.25", "12.3456", "0.0", "922337203685477.5807", "-7.0"];

    public static readonly ImmutableArray<string> BadDecimalLiterals = ["1.23456", "abc", "922337203685477.5808", "3"];

    public static readonly ImmutableArray<string> DatetimeLiterals =
        ["2024-01-01", "2024-06-15T10:00:00Z", "2024-06-15T10:00:00.123+0100", "1970-01-01", "2038-01-19T03:14:07Z"];

    public static readonly ImmutableArray<string> BadDatetimeLiterals = ["2024-13-01", "2024-01-01T25:00:00Z", "yesterday"];

    public static readonly ImmutableArray<string> DurationLiterals = ["1h", "2d3h", "-5m", "1h30m10s5ms", "0ms", "90s"];

    public static readonly ImmutableArray<string> BadDurationLiterals = ["1x", "h1", ""];
}
