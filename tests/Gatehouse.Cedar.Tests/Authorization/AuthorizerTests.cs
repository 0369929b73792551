namespace Gatehouse.Cedar.Tests.Authorization;

public sealed class AuthorizerTests
{
    private static readonly Entities Store = Entities.FromJson("""
        [{"uid": {"type": "User", "id": "alice"}, "attrs": {"level": 5}, "parents": [{"type": "Group", "id": "staff"}]},
         {"uid": {"type": "User", "id": "bob"}, "attrs": {}, "parents": []},
         {"uid": {"type": "Group", "id": "staff"}, "attrs": {}, "parents": []},
         {"uid": {"type": "Action", "id": "view"}, "attrs": {}, "parents": [{"type": "Action", "id": "readOnly"}]},
         {"uid": {"type": "Action", "id": "edit"}, "attrs": {}, "parents": []},
         {"uid": {"type": "Doc", "id": "d"}, "attrs": {}, "parents": [{"type": "Folder", "id": "f"}]}]
        """);

    private static AuthorizationRequest Request(string principal, string action, string resource = "Doc::\"d\"") =>
        new(EntityUid.Parse(principal), EntityUid.Parse(action), EntityUid.Parse(resource), CedarRecord.Empty);

    [Fact]
    public void IsAuthorized_NoPolicies_DeniesByDefault()
    {
        var response = Authorizer.IsAuthorized(Request("User::\"alice\"", "Action::\"view\""), PolicySet.Empty, Store);
        response.Decision.ShouldBe(CedarDecision.Deny);
        response.DeterminingPolicies.ShouldBeEmpty();
        response.Errors.ShouldBeEmpty();
    }

    [Fact]
    public void IsAuthorized_ForbidOverridesPermit()
    {
        var policies = PolicySet.Parse("""
            permit(principal in Group::"staff", action, resource);
            forbid(principal, action == Action::"view", resource) when { principal.level > 3 };
            permit(principal == User::"alice", action, resource);
            """);
        var response = Authorizer.IsAuthorized(Request("User::\"alice\"", "Action::\"view\""), policies, Store);
        response.Decision.ShouldBe(CedarDecision.Deny);
        response.DeterminingPolicies.ShouldBe(["policy1"]);
        var edit = Authorizer.IsAuthorized(Request("User::\"alice\"", "Action::\"edit\""), policies, Store);
        edit.Decision.ShouldBe(CedarDecision.Allow);
        edit.DeterminingPolicies.ShouldBe(["policy0", "policy2"]);
    }

    [Fact]
    public void IsAuthorized_ErroringPolicies_AreSkippedAndReported()
    {
        var policies = PolicySet.Parse("""
            permit(principal, action, resource) when { principal.level > 3 };
            forbid(principal, action, resource) when { principal.level > 3 };
            """);
        var response = Authorizer.IsAuthorized(Request("User::\"bob\"", "Action::\"view\""), policies, Store);
        response.Decision.ShouldBe(CedarDecision.Deny);
        response.DeterminingPolicies.ShouldBeEmpty();
        response.Errors.Select(e => e.PolicyId).ShouldBe(["policy0", "policy1"]);
        response.Errors[0].Message.ShouldContain("does not have the attribute 'level'");
    }

    [Theory]
    [InlineData("permit(principal, action in Action::\"readOnly\", resource);", "Action::\"view\"", CedarDecision.Allow)]
    [InlineData("permit(principal, action in [Action::\"edit\", Action::\"readOnly\"], resource);", "Action::\"view\"", CedarDecision.Allow)]
    [InlineData("permit(principal, action in [], resource);", "Action::\"view\"", CedarDecision.Deny)]
    [InlineData("permit(principal, action == Action::\"edit\", resource);", "Action::\"view\"", CedarDecision.Deny)]
    [InlineData("permit(principal is User, action, resource in Folder::\"f\");", "Action::\"view\"", CedarDecision.Allow)]
    [InlineData("permit(principal is Group, action, resource);", "Action::\"view\"", CedarDecision.Deny)]
    [InlineData("permit(principal is User in Group::\"staff\", action, resource is Doc);", "Action::\"view\"", CedarDecision.Allow)]
    [InlineData("permit(principal, action, resource == Doc::\"other\");", "Action::\"view\"", CedarDecision.Deny)]
    [InlineData("permit(principal, action == Action::\"view\", resource) unless { false };", "Action::\"view\"", CedarDecision.Allow)]
    [InlineData("permit(principal, action, resource) when { true } unless { true };", "Action::\"view\"", CedarDecision.Deny)]
    public void IsAuthorized_Scope_MatchesAsCedar(string policy, string action, CedarDecision expected) =>
        Authorizer.IsAuthorized(Request("User::\"alice\"", action), PolicySet.Parse(policy), Store).Decision.ShouldBe(expected);

    [Fact]
    public void IsAuthorized_LinkedTemplate_Applies()
    {
        var policies = PolicySet.Parse("permit(principal == ?principal, action, resource in ?resource);")
            .Link("policy0", "alice-folder", new Dictionary<string, EntityUid>
            {
                ["?principal"] = new("User", "alice"),
                ["?resource"] = new("Folder", "f"),
            });
        var authorizer = new Authorizer(policies);
        authorizer.IsAuthorized(Request("User::\"alice\"", "Action::\"view\""), Store).DeterminingPolicies.ShouldBe(["alice-folder"]);
        authorizer.IsAuthorized(Request("User::\"bob\"", "Action::\"view\""), Store).Decision.ShouldBe(CedarDecision.Deny);
    }

    [Fact]
    public void IsAuthorized_ScopeIndex_AgreesWithEvaluatingEveryPolicy()
    {
        var random = new Random(7);
        string[] principals = ["principal", "principal == User::\"alice\"", "principal == User::\"bob\"", "principal in Group::\"staff\"", "principal is User"];
        string[] actions = ["action", "action == Action::\"view\"", "action == Action::\"edit\"", "action in Action::\"readOnly\"", "action in [Action::\"edit\", Action::\"view\"]"];
        string[] resources = ["resource", "resource == Doc::\"d\"", "resource in Folder::\"f\"", "resource in Doc::\"d\"", "resource is Doc in Folder::\"f\"", "resource == Folder::\"f\""];
        for (var round = 0; round < 50; round++)
        {
            var text = string.Concat(Enumerable.Range(0, 12).Select(_ =>
                $"{(random.Next(4) == 0 ? "forbid" : "permit")}({principals[random.Next(principals.Length)]}, {actions[random.Next(actions.Length)]}, {resources[random.Next(resources.Length)]});\n"));
            var policies = PolicySet.Parse(text);
            var indexed = new Authorizer(policies);
            foreach (var principal in new[] { "User::\"alice\"", "User::\"bob\"", "User::\"ghost\"" })
            {
                foreach (var (action, resource) in ActionResourcePairs())
                {
                    var request = Request(principal, action, resource);
                    var expected = policies.Policies
                        .Select(p => (p, single: Authorizer.IsAuthorized(request, OnlyPolicy(p), Store)))
                        .Where(x => x.single.DeterminingPolicies.Count > 0)
                        .Select(x => x.p)
                        .ToList();
                    var response = indexed.IsAuthorized(request, Store);
                    var forbids = expected.Where(p => p.Effect == PolicyEffect.Forbid).Select(p => p.Id).ToList();
                    var permits = expected.Where(p => p.Effect == PolicyEffect.Permit).Select(p => p.Id).ToList();
                    response.DeterminingPolicies.ShouldBe(forbids.Count > 0 ? forbids : permits, $"{text}\n{request}");
                    response.Decision.ShouldBe(forbids.Count == 0 && permits.Count > 0 ? CedarDecision.Allow : CedarDecision.Deny);
                }
            }
        }
    }

    private static IEnumerable<(string Action, string Resource)> ActionResourcePairs() =>
        from action in new[] { "Action::\"view\"", "Action::\"edit\"", "Action::\"other\"" }
        from resource in new[] { "Doc::\"d\"", "Folder::\"f\"", "Doc::\"ghost\"" }
        select (action, resource);

    private static PolicySet OnlyPolicy(Policy policy) =>
        PolicySet.Parse(policy.ToString().Replace("forbid", "permit", StringComparison.Ordinal));
}
