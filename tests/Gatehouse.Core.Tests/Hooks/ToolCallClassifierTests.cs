using System.Text.Json;
using Gatehouse.Core.Decisions;
using Gatehouse.Core.Hooks;
using Gatehouse.Core.Model;
using Gatehouse.Core.Tests.Policy;

namespace Gatehouse.Core.Tests.Hooks;

public sealed class ToolCallClassifierTests
{
    [Theory]
    [InlineData("mcp__pg__query", "{\"sql\":\"SELECT * FROM users LIMIT 5\"}", Decision.Allow)]
    [InlineData("mcp__pg__query", "{\"sql\":\"DROP TABLE users\"}", Decision.Deny)]
    [InlineData("mcp__pg__run", "{\"args\":{\"text\":\"delete from orders\"}}", Decision.Deny)]
    [InlineData("mcp__pg__query", "{\"sql\":\"this is not sql at all\"}", Decision.Approve)]
    [InlineData("mcp__railway__gql", "{\"document\":\"mutation { volumeDelete(volumeId: \\\"v\\\") }\"}", Decision.Deny)]
    [InlineData("mcp__http__request", "{\"body\":\"{\\\"query\\\":\\\"mutation{volumeDelete(volumeId:\\\\\\\"v\\\\\\\")}\\\"}\"}", Decision.Deny)]
    [InlineData("mcp__shell__run", "{\"cmd\":[\"rm\",\"-rf\",\"/\"]}", Decision.Deny)]
    [InlineData("mcp__shell__run", "{\"script\":\"ls -la\"}", Decision.Allow)]
    [InlineData("mcp__shell__run", "{}", Decision.Approve)]
    [InlineData("mcp__k8s__delete_namespace", "{\"name\":\"dev\"}", Decision.Approve)]
    [InlineData("mcp__fly__appsDestroy", "{}", Decision.Approve)]
    [InlineData("mcp__github__get_file_contents", "{\"path\":\"README.md\"}", Decision.Allow)]
    [InlineData("mcp__github__search_code", "{\"query\":\"delete the cache\"}", Decision.Allow)]
    [InlineData("mcp__fs__read_file", "{\"path\":\"/home/dev/.aws/credentials\"}", Decision.Approve)]
    [InlineData("mcp__fs__edit_file", "{\"path\":\".gatehouse/policies/a.cedar\"}", Decision.Deny)]
    [InlineData("mcp__slack__post_message", "{\"text\":\"hello\"}", Decision.Approve)]
    [InlineData("mcp__x__tool", "{\"a\":{\"b\":{\"c\":{\"d\":{\"e\":{\"f\":{\"g\":{\"h\":{\"i\":{\"j\":{\"k\":{\"l\":{\"m\":{\"n\":{\"o\":{\"p\":{\"q\":{\"r\":{\"s\":{\"t\":{\"u\":{\"v\":{\"w\":{\"x\":{\"y\":{\"z\":{\"A\":{\"B\":{\"C\":{\"D\":{\"E\":{\"F\":{\"G\":{\"H\":1}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}", Decision.Approve)]
    public void Classify_McpCall_DecidesFromNameAndArguments(string tool, string arguments, Decision expected)
    {
        using var document = JsonDocument.Parse(arguments);

        var actions = ToolCallClassifier.Classify(tool, null, document.RootElement);

        DefaultPolicy.Decide(actions).Decision.ShouldBe(expected);
    }

    [Theory]
    [InlineData("delete_volume", "Destructive")]
    [InlineData("dropTable", "Destructive")]
    [InlineData("apps_destroy", "Destructive")]
    [InlineData("removeMember", "Destructive")]
    [InlineData("list_issues", "Reading")]
    [InlineData("getUser", "Reading")]
    [InlineData("execute_sql", "Carrier")]
    [InlineData("query", "Carrier")]
    [InlineData("create_issue", "Mutating")]
    [InlineData("frobnicate", "Mutating")]
    public void VerbOf_ToolName_ReadsTheVerb(string name, string expected) => ToolNames.VerbOf(name).ToString().ShouldBe(expected);

    [Theory]
    [InlineData("mcp__postgres__query", "postgres", "query")]
    [InlineData("mcp__my_server__list__things", "my_server", "list__things")]
    [InlineData("run_query", null, "run_query")]
    public void Split_McpName_SeparatesServerAndTool(string name, string? server, string tool) =>
        ToolNames.Split(name).ShouldBe((server, tool));

    [Theory]
    [InlineData("SELECT 1 FROM t", true)]
    [InlineData("  -- comment\nDELETE FROM users", true)]
    [InlineData("drop table x", true)]
    [InlineData("TRUNCATE orders", true)]
    [InlineData("delete the old files please", false)]
    [InlineData("show me the money", false)]
    [InlineData("hello", false)]
    public void LooksLikeSql_Text_Recognized(string text, bool expected) => NestedLanguage.LooksLikeSql(text).ShouldBe(expected);
}
