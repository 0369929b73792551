using Gatehouse.Core.Inventory;
using GatehouseInventory = Gatehouse.Core.Inventory.Inventory;

namespace Gatehouse.Core.Tests.Inventory;

public sealed class InventoryValidationTests
{
    private const string Environments = "environments: [development, staging, production]\n";

    public static TheoryData<string, string, long, long> InvalidDocuments() => new()
    {
        { "environments: [dev, dev]", "environment name 'dev' is already declared at line 1", 1, 21 },
        { "environments:\n  - name: production\n    aliases: [prod]\n  - name: prod", "environment name 'prod' is already declared at line 3", 4, 11 },
        { Environments + "resources:\n  - id: a\n    kind: volume\n    environments: [qa]", "resource 'a' names environment 'qa', which is not declared (declared: development, staging, production)", 5, 20 },
        { Environments + "resources:\n  - id: a\n    kind: volume\n  - id: A\n    kind: volume", "resource id 'A' is already used by the resource at line 3", 5, 9 },
        { Environments + "resources:\n  - id: a\n    kind: volume\n    names: [x]\n  - id: b\n    kind: volume\n    names: [X/]", "name 'X/' of resource 'b' already identifies resource 'a' (line 5)", 8, 13 },
        { Environments + "resources:\n  - id: a\n    kind: volume\n  - id: b\n    kind: volume\n    names: [a]", "name 'a' of resource 'b' already identifies resource 'a' (line 3)", 7, 13 },
        { Environments + "resources:\n  - id: a\n    kind: volume\n    relations:\n      attached_to: [ghost]", "attached_to of resource 'a' names 'ghost', which is not a declared resource", 6, 21 },
        { Environments + "resources:\n  - id: a\n    kind: volume\n    relations:\n      stores_backups_of: ghost", "stores_backups_of of resource 'a' names 'ghost'", 6, 26 },
        { Environments + "resources:\n  - id: a\n    kind: db\n    relations:\n      replica_of: [a]", "resource 'a' cannot be replica_of itself", 6, 20 },
        { Environments + "resources:\n  - id: a\n    kind: volume\n    relations:\n      attached-to: [a]", "unknown key 'attached-to' (expected one of: attached_to, stores_backups_of, replica_of, depends_on, failure_domain)", 6, 7 },
        { Environments + "resources:\n  - id: a\n    kind: volume\n    enviroments: [staging]", "unknown key 'enviroments'", 5, 5 },
        { Environments + "resources:\n  - kind: volume", "a resource needs an id", 3, 5 },
        { Environments + "resources:\n  - id: a", "resource 'a' needs a kind", 3, 5 },
        { Environments + "resources:\n  - id: ''\n    kind: volume", "resource id must not be empty", 3, 9 },
        { Environments + "resources:\n  - id: [a]\n    kind: volume", "resource id must be a plain value", 3, 9 },
        { Environments + "resources:\n  id: a", "'resources' must be a list", 3, 3 },
        { Environments + "resources:\n  - id: a\n    kind: volume\n    names: [[x]]", "each entry of 'names' must be a plain value", 5, 13 },
        { Environments + "resources:\n  - id: a\n    kind: volume\n    id: b", "invalid YAML", 5, 5 },
        { Environments + "credentials:\n  - id: t\n    scopes:\n      resources: [ghost]", "credential 't' is scoped to 'ghost', which is not a declared resource", 5, 19 },
        { Environments + "credentials:\n  - id: t\n    scopes:\n      environments: [qa]", "credential 't' names environment 'qa', which is not declared", 5, 22 },
        { Environments + "credentials:\n  - id: t\n  - id: t", "credential id 't' is already declared at line 3", 4, 9 },
        { Environments + "credentials:\n  - id: t\n    recognized_by:\n      env_vars: [TOKEN]\n  - id: u\n    recognized_by:\n      env_vars: [TOKEN]", "credential environment variable 'TOKEN' is already declared at line 5", 8, 18 },
        { Environments + "credentials:\n  - id: t\n    recognized_by:\n      cookies: [x]", "unknown key 'cookies' (expected one of: env_vars, profiles, files)", 5, 7 },
        { "version: 2", "unknown key 'version' (expected one of: environments, resources, credentials)", 1, 1 },
        { "- a\n- b", "the inventory must be a mapping", 1, 1 },
        { "environments: [a\n", "invalid YAML", 2, 1 },
        { "environments: [a]\n---\nenvironments: [b]", "an inventory is one YAML document; found a second one", 3, 1 },
        { "environments: *missing", "invalid YAML", 1, 1 },
    };

    [Theory]
    [MemberData(nameof(InvalidDocuments))]
    public void Parse_InvalidDocument_ThrowsWithLocation(string yaml, string message, long line, long column)
    {
        var error = Should.Throw<InventoryException>(() => GatehouseInventory.Parse(yaml, "inv.yaml"));

        error.Message.ShouldContain(message);
        error.Message.ShouldStartWith("inv.yaml:");
        (error.Line, error.Column).ShouldBe((line, column));
    }

    [Fact]
    public void Parse_DeeplyNestedDocument_ThrowsInsteadOfOverflowing()
    {
        var yaml = "resources: " + new string('[', 10_000) + new string(']', 10_000);

        var error = Should.Throw<InventoryException>(() => GatehouseInventory.Parse(yaml));

        error.Message.ShouldContain("nesting deeper than");
    }

    [Fact]
    public void Parse_EmptyDocument_IsEmptyInventory()
    {
        var inventory = GatehouseInventory.Parse("# nothing declared yet\n");

        inventory.Resources.ShouldBeEmpty();
        inventory.Environments.ShouldBeEmpty();
    }

    [Fact]
    public void Load_InvalidUtf8_ThrowsInventoryException()
    {
        var path = Path.Combine(Path.GetTempPath(), "gatehouse-inventory-" + Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllBytes(path, [.. "environments: ["u8, 0xC3, 0x28, .. "]"u8]);
        try
        {
            var error = Should.Throw<InventoryException>(() => GatehouseInventory.Load(path));

            error.Message.ShouldContain("cannot read the inventory");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_MissingFile_ThrowsInventoryException()
    {
        var error = Should.Throw<InventoryException>(() => GatehouseInventory.Load("/nonexistent/inventory.yaml"));

        error.Source.ShouldBe("/nonexistent/inventory.yaml");
    }

    [Fact]
    public void Parse_AnchorsAndScalarForms_AreAccepted()
    {
        const string yaml = """
            environments:
              - development
              - name: production
                aliases: prod
            resources:
              - id: a
                kind: volume
                environments: &both [development, production]
                names: only-name
              - id: b
                kind: service
                environments: *both
                relations:
                  depends_on: a
            """;

        var inventory = GatehouseInventory.Parse(yaml);

        inventory.Resources[1].Environments.ShouldBe(["development", "production"]);
        inventory.Resources[0].Names.ShouldBe(["only-name"]);
        inventory.Resources[1].Relations.ShouldBe([new InventoryRelation(InventoryRelationKind.DependsOn, "a")]);
        inventory.Criticality("PROD").ShouldBe(1);
    }

    [Theory]
    [InlineData("development", 0)]
    [InlineData("stg", 1)]
    [InlineData("Production", 2)]
    [InlineData("qa", 3)]
    [InlineData("", 3)]
    public void Criticality_ByNameOrAlias_UnknownIsMostCritical(string environment, int expected)
    {
        var inventory = GatehouseInventory.Parse("environments: [development, {name: staging, aliases: [stg]}, production]");

        inventory.Criticality(environment).ShouldBe(expected);
    }

    [Fact]
    public void Parse_CanonicalisesEnvironmentAliasesInResourcesAndCredentials()
    {
        const string yaml = """
            environments: [{name: production, aliases: [prod]}]
            resources:
              - {id: a, kind: database, environments: [prod, PRODUCTION]}
            credentials:
              - id: t
                scopes: {resources: [A], environments: [prod]}
                recognized_by: {env_vars: [T], profiles: [p], files: [.env]}
            """;

        var inventory = GatehouseInventory.Parse(yaml);

        inventory.Resources[0].Environments.ShouldBe(["production"]);
        inventory.Credentials[0].Resources.ShouldBe(["a"]);
        inventory.Credentials[0].Environments.ShouldBe(["production"]);
        inventory.Credentials[0].Files.ShouldBe([".env"]);
    }
}
