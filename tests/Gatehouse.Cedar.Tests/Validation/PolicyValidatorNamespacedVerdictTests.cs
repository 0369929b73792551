namespace Gatehouse.Cedar.Tests.Validation;

/// <summary>
/// Strict validation verdicts in a namespaced schema with common types, extension-typed attributes, tags,
/// an enumerated type and action groups. The expected verdict of every row was taken from the official engine
/// (cedar-wasm 4.13.0); the later rows pin cases a randomized comparison with it turned up.
/// </summary>
public sealed class PolicyValidatorNamespacedVerdictTests
{
    internal const string Schema = """
        namespace App {
          type Ctx = { ip: ipaddr, when: datetime, budget?: decimal, labels: Set<String>, nested: { deep?: { x: Long } } };
          entity Team;
          entity Org;
          entity User in [Team, Org] { teams: Set<Team>, level: Long, owner?: Org, meta: { a?: Long, b: String } } tags Set<String>;
          entity Bucket in [Org] { owner: User, size: Long, created: datetime, ttl: duration, limit: decimal };
          entity Service { ips: Set<ipaddr> };
          entity Color enum ["red", "blue"];
          action read appliesTo { principal: [User, Service], resource: [Bucket], context: Ctx };
          action write in [read] appliesTo { principal: [User], resource: [Bucket], context: Ctx };
          action admin appliesTo { principal: [User], resource: [Org, Bucket] };
          action "delete bucket" in ["write"] appliesTo { principal: User, resource: Bucket, context: Ctx };
        }
        """;

    private static readonly CedarSchema Parsed = CedarSchema.Parse(Schema);

    [Theory]
    [InlineData("permit(principal, action == App::Action::\"read\", resource) when { principal.level > 1 };", false)]
    [InlineData("permit(principal is App::User, action == App::Action::\"read\", resource) when { principal.level > 1 };", true)]
    [InlineData("permit(principal, action in App::Action::\"read\", resource) when { context.ip.isLoopback() };", true)]
    [InlineData("permit(principal, action in [App::Action::\"write\", App::Action::\"admin\"], resource) when { context.ip.isLoopback() };", false)]
    [InlineData("permit(principal, action == App::Action::\"delete bucket\", resource) when { context.when < datetime(\"2025-01-01\") };", true)]
    [InlineData("permit(principal, action, resource in App::Org::\"o\") when { resource.size > 1 };", false)]
    [InlineData("permit(principal, action, resource is App::Bucket in App::Org::\"o\") when { resource.size > 1 };", true)]
    [InlineData("permit(principal, action, resource is App::Org in App::Org::\"o\") when { resource.size > 1 };", false)]
    [InlineData("permit(principal, action, resource is App::Org) when { principal.level > 0 };", true)]
    [InlineData("permit(principal, action == App::Action::\"read\", resource) when { context.budget.lessThan(decimal(\"1.0\")) };", false)]
    [InlineData("permit(principal, action == App::Action::\"read\", resource) when { context has budget && context.budget.lessThan(decimal(\"1.0\")) };", true)]
    [InlineData("permit(principal, action == App::Action::\"read\", resource) when { context.nested.deep.x > 1 };", false)]
    [InlineData("permit(principal, action == App::Action::\"read\", resource) when { context.nested has deep && context.nested.deep.x > 1 };", true)]
    [InlineData("permit(principal, action == App::Action::\"read\", resource) when { context.labels.containsAll([\"a\"]) };", true)]
    [InlineData("permit(principal, action == App::Action::\"read\", resource) when { context.labels.containsAny(principal.teams) };", false)]
    [InlineData("permit(principal is App::User, action, resource) when { principal.teams.contains(App::Team::\"t\") };", true)]
    [InlineData("permit(principal is App::User, action, resource) when { principal in principal.teams };", true)]
    [InlineData("permit(principal is App::User, action, resource) when { principal.getTag(\"k\").contains(\"x\") };", false)]
    [InlineData("permit(principal is App::User, action, resource) when { principal.hasTag(\"k\") && principal.getTag(\"k\").contains(\"x\") };", true)]
    [InlineData("permit(principal is App::User, action, resource) when { principal.hasTag(\"k\") && principal.getTag(\"k\").contains(1) };", false)]
    [InlineData("permit(principal is App::User, action, resource) when { principal.meta.b == \"x\" && principal.meta.a == 1 };", false)]
    [InlineData("permit(principal is App::User, action, resource) when { principal.meta == {b: \"x\"} };", false)]
    [InlineData("permit(principal, action, resource) when { resource.created.offset(resource.ttl) > context.when };", false)]
    [InlineData("permit(principal, action == App::Action::\"read\", resource) when { resource.created.offset(resource.ttl) > context.when };", true)]
    [InlineData("permit(principal, action == App::Action::\"read\", resource) when { resource.created.durationSince(context.when) < duration(\"1h\") };", true)]
    [InlineData("permit(principal, action == App::Action::\"read\", resource) when { resource.created.toDate() == context.when.toDate() && resource.created.toTime().toHours() > 3 };", true)]
    [InlineData("permit(principal, action == App::Action::\"read\", resource) when { resource.limit.greaterThan(resource.limit) };", true)]
    [InlineData("permit(principal, action == App::Action::\"read\", resource) when { resource.limit == decimal(\"1.5\") };", true)]
    [InlineData("permit(principal, action == App::Action::\"read\", resource) when { resource.ttl.toDays() + 1 > resource.size };", true)]
    [InlineData("permit(principal is App::Service, action, resource) when { principal.ips.contains(context.ip) };", true)]
    [InlineData("permit(principal is App::Service, action == App::Action::\"read\", resource) when { principal.ips.contains(context.ip) };", true)]
    [InlineData("permit(principal, action == App::Action::\"read\", resource) when { principal is App::Service && principal.ips.contains(ip(\"1.1.1.1\")) };", true)]
    [InlineData("permit(principal, action == App::Action::\"read\", resource) when { principal.level > 1 || principal is App::Service };", false)]
    [InlineData("permit(principal, action == App::Action::\"read\", resource) when { principal is App::User && principal.level > 1 };", true)]
    [InlineData("permit(principal, action == App::Action::\"read\", resource) when { if principal is App::User then principal.level > 1 else false };", true)]
    [InlineData("permit(principal, action, resource) when { action == App::Action::\"admin\" && resource.size > 1 };", false)]
    [InlineData("permit(principal, action, resource) when { resource is App::Bucket && resource.size > 1 };", true)]
    [InlineData("permit(principal, action, resource) when { User::\"x\" == principal };", false)]
    [InlineData("permit(principal, action, resource) when { App::User::\"x\" == principal };", true)]
    [InlineData("permit(principal, action == Action::\"read\", resource);", false)]
    [InlineData("permit(principal, action, resource) when { resource.owner.owner == App::Org::\"o\" };", false)]
    [InlineData("permit(principal, action, resource) when { resource has owner && resource.owner has owner && resource.owner.owner == App::Org::\"o\" };", true)]
    [InlineData("permit(principal, action, resource) when { [resource.owner, principal].contains(principal) };", false)]
    [InlineData("permit(principal, action, resource) when { principal in [App::Team::\"a\", App::Org::\"b\"] };", false)]
    [InlineData("permit(principal, action, resource) when { principal.level in [1] };", false)]
    [InlineData("permit(principal, action == App::Action::\"read\", resource) when { context.labels.isEmpty() && !context.labels.contains(\"a\") };", true)]
    [InlineData("permit(principal, action == App::Action::\"read\", resource) when { context.ip.isInRange(ip(\"10.0.0.0/8\")) && ip(\"::1\").isLoopback() };", true)]
    [InlineData("permit(principal, action == App::Action::\"read\", resource) when { context.ip == ip(\"10.0.0.0/33\") };", false)]
    [InlineData("permit(principal, action == App::Action::\"read\", resource) when { decimal(\"1\") == decimal(\"1.0\") };", false)]
    [InlineData("permit(principal, action == App::Action::\"read\", resource) when { duration(\"1h30m\").toMinutes() == 90 };", true)]
    [InlineData("permit(principal, action == App::Action::\"read\", resource) when { datetime(\"2024-02-30\") == datetime(\"2024-01-01\") };", false)]
    [InlineData("permit(principal, action == App::Action::\"read\", resource) unless { principal.level > \"a\" };", false)]
    [InlineData("permit(principal, action, resource) when { principal.level == 1 } unless { principal.level == 2 } when { principal.teams.contains(App::Team::\"t\") };", false)]
    [InlineData("forbid(principal, action, resource) when { context.labels.contains(\"x\") };", false)]
    [InlineData("permit(principal, action, resource) when { {a: principal.level, b: \"x\"}.a > 1 };", false)]
    [InlineData("permit(principal, action, resource) when { {a: principal.level}[\"a\"] > 1 };", false)]
    [InlineData("permit(principal, action, resource) when { context.nested == context.nested };", false)]
    [InlineData("permit(principal, action, resource) when { principal.level * 2 - -3 > 0 };", false)]
    [InlineData("permit(principal, action, resource) when { principal.level like \"a\" };", false)]
    [InlineData("permit(principal, action, resource) when { \"abc\" like \"a*\" && principal has level };", true)]
    [InlineData("permit(principal, action, resource) when { (principal has owner) && principal.owner == App::Org::\"o\" };", true)]
    [InlineData("permit(principal, action, resource) when { (if principal has owner then principal.owner else App::Org::\"d\") == App::Org::\"o\" };", true)]
    [InlineData("permit(principal, action, resource) when { principal has owner && (principal.owner has x || true) };", true)]
    [InlineData("permit(principal, action, resource) when { context has budget } when { context has budget || ip(\"1.2.3\").isIpv4() };", true)]
    [InlineData("permit(principal, action, resource) when { principal.hasTag(\"k\") && (principal.hasTag(\"k\") || (1 + \"a\" > 0)) };", true)]
    [InlineData("permit(principal is App::User, action, resource is App::Org) unless { App::Action::\"read\" is App::User in resource.owner };", true)]
    [InlineData("permit(principal is App::User, action, resource is App::Org) when { principal is App::User in resource.owner };", false)]
    [InlineData("permit(principal is App::User, action, resource) when { App::Org::\"o\" is App::User in principal.owner };", true)]
    [InlineData("permit(principal is App::User, action, resource) when { principal is App::User in principal.owner };", false)]
    [InlineData("permit(principal, action, resource) when { App::Color::\"red\" == App::Color::\"blue\" };", true)]
    [InlineData("permit(principal, action, resource) when { App::Color::\"green\" == App::Color::\"blue\" };", false)]
    [InlineData("permit(principal, action, resource) when { principal is App::Nope };", false)]
    [InlineData("permit(principal, action, resource) when { (if principal has owner then 1 else 2) > (if resource has size then resource.size else \"a\") };", false)]
    [InlineData("permit(principal, action, resource) when { principal in (if true then resource.owner else principal) };", false)]
    [InlineData("permit(principal, action, resource) when { action == 1 };", true)]
    [InlineData("permit(principal, action, resource) when { 1 != action };", true)]
    [InlineData("permit(principal, action, resource) when { action == \"read\" };", true)]
    [InlineData("permit(principal, action, resource) when { action == principal };", true)]
    [InlineData("permit(principal, action, resource) when { action == [1] };", false)]
    [InlineData("permit(principal, action, resource) when { action in [App::Action::\"read\", 1] };", false)]
    public void Validate_Policy_MatchesOfficialVerdict(string policy, bool valid)
    {
        var result = PolicyValidator.Validate(PolicySet.Parse(policy, "p.cedar"), Parsed);
        result.IsValid.ShouldBe(valid, string.Join("\n", result.Errors.Select(e => e.Message)));
    }
}
