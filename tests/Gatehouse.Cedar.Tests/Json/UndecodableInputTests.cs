using System.Text.Json;

namespace Gatehouse.Cedar.Tests.Json;

/// <summary>Input that parses as JSON but cannot become Cedar values is a <see cref="CedarException"/>, never a crash.</summary>
public sealed class UndecodableInputTests
{
    [Fact]
    public void EntitiesFromJson_LoneSurrogateInId_IsACedarException() =>
        Should.Throw<CedarException>(() => Entities.FromJson("""[{"uid":{"type":"User","id":"\uD800"},"attrs":{},"parents":[]}]"""));

    [Fact]
    public void RequestFromJson_LoneSurrogateInContext_IsACedarException() =>
        Should.Throw<CedarException>(() => AuthorizationRequest.FromJson("""{"principal":{"type":"User","id":"a"},"action":{"type":"Action","id":"r"},"resource":{"type":"Doc","id":"d"},"context":{"k":"\uDC00"}}"""));

    [Fact]
    public void SchemaFromJson_LoneSurrogateInName_IsACedarException() =>
        Should.Throw<CedarException>(() => CedarSchema.FromJson("""{"":{"entityTypes":{"\uD800":{}},"actions":{}}}"""));

    [Fact]
    public void ValueFromJson_LoneSurrogate_IsACedarException()
    {
        using var document = JsonDocument.Parse("\"\\uD800\"");
        Should.Throw<CedarException>(() => CedarValue.FromJson(document.RootElement));
    }

    [Fact]
    public void Entity_NullAttributeValue_IsACedarException() =>
        Should.Throw<CedarException>(() => new Entity(new EntityUid("User", "a"), new Dictionary<string, CedarValue> { ["x"] = null! }, []));
}
