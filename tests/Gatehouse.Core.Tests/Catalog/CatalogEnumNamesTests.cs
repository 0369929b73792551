using Gatehouse.Core.Catalog;
using Gatehouse.Core.Model;

namespace Gatehouse.Core.Tests.Catalog;

public sealed class CatalogEnumNamesTests
{
    [Fact]
    public void Tables_EveryEnumValue_IsNamedOnceByItsOwnName()
    {
        Check(CatalogEnumNames.Verbs);
        Check(CatalogEnumNames.Risks);
        Check(CatalogEnumNames.PathModes);
        Check(CatalogEnumNames.PathSelections);
        Check(CatalogEnumNames.Languages);
        Check(CatalogEnumNames.Sources);
        Check(CatalogEnumNames.Decodings);
        Check(CatalogEnumNames.PathScopes);
    }

    [Theory]
    [InlineData("delete", Verb.Delete)]
    [InlineData("DELETE", Verb.Delete)]
    [InlineData("Deploy", Verb.Deploy)]
    public void Parse_NameInAnyCase_IsTheValue(string text, Verb expected) =>
        CatalogEnumNames.Parse(CatalogEnumNames.Verbs, text, "verb").ShouldBe(expected);

    [Theory]
    [InlineData("3")]
    [InlineData("obliterate")]
    [InlineData("")]
    public void Parse_UnknownName_NamesTheChoices(string text) =>
        Should.Throw<FormatException>(() => CatalogEnumNames.Parse(CatalogEnumNames.Risks, text, "risk")).Message
            .ShouldContain("None, Low, Medium, High, Critical");

    private static void Check<T>((string Name, T Value)[] table)
        where T : struct, Enum
    {
        table.Select(entry => entry.Value).ShouldBe(Enum.GetValues<T>(), ignoreOrder: true);
        foreach (var (name, value) in table)
        {
            name.ShouldBe(value.ToString());
        }
    }
}
