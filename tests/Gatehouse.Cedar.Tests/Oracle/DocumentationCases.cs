using static Gatehouse.Cedar.Tests.Oracle.CaseBook;

namespace Gatehouse.Cedar.Tests.Oracle;

/// <summary>
/// The situations the Cedar documentation (docs.cedarpolicy.com, policies and syntax pages, and the CLI's sample
/// sandboxes) walks through, re-stated as cases over a photo-sharing world.
/// </summary>
internal static class DocumentationCases
{
    private const string PhotoFlash = """
        [
          {"uid":{"type":"PhotoFlash::User","id":"alice"},"attrs":{"department":"research","jobLevel":5},"parents":[{"type":"PhotoFlash::UserGroup","id":"jane_friends"}]},
          {"uid":{"type":"PhotoFlash::UserGroup","id":"jane_friends"},"attrs":{},"parents":[]},
          {"uid":{"type":"PhotoFlash::Photo","id":"VacationPhoto94.jpg"},"attrs":{"owner":{"__entity":{"type":"PhotoFlash::User","id":"jane"}},"private":false,"accessLevel":"public"},
            "parents":[{"type":"PhotoFlash::Album","id":"jane_vacation"}]},
          {"uid":{"type":"PhotoFlash::Album","id":"jane_vacation"},"attrs":{},"parents":[{"type":"PhotoFlash::Account","id":"jane"}]},
          {"uid":{"type":"PhotoFlash::Account","id":"jane"},"attrs":{"owner":{"__entity":{"type":"PhotoFlash::User","id":"jane"}}},"parents":[]},
          {"uid":{"type":"PhotoFlash::Action","id":"view"},"attrs":{},"parents":[{"type":"PhotoFlash::Action","id":"readOnly"}]},
          {"uid":{"type":"PhotoFlash::Action","id":"readOnly"},"attrs":{},"parents":[]}
        ]
        """;

    private const string Principal = "{\"type\":\"PhotoFlash::User\",\"id\":\"alice\"}";
    private const string Viewing = "{\"type\":\"PhotoFlash::Action\",\"id\":\"view\"}";
    private const string Vacation = "{\"type\":\"PhotoFlash::Photo\",\"id\":\"VacationPhoto94.jpg\"}";
    private const string Context = """{"role":["admin"],"person":{"age":20},"addr":{"city":"DC","street":"main"},"authenticated":true,"source_ip":{"__extn":{"fn":"ip","arg":"222.222.222.7"}}}""";

    private static DifferentialCase Doc(string name, string policies, string context = Context) =>
        Case(name, policies, PhotoFlash, Principal, Viewing, Vacation, context);

    public static readonly IReadOnlyList<DifferentialCase> All =
    [
        Doc("doc: one user views one photo", "permit(principal == PhotoFlash::User::\"alice\", action == PhotoFlash::Action::\"view\", resource == PhotoFlash::Photo::\"VacationPhoto94.jpg\");"),
        Doc("doc: group members view an album", "permit(principal in PhotoFlash::UserGroup::\"jane_friends\", action == PhotoFlash::Action::\"view\", resource in PhotoFlash::Album::\"jane_vacation\");"),
        Doc("doc: action groups", "permit(principal, action in PhotoFlash::Action::\"readOnly\", resource in PhotoFlash::Account::\"jane\");"),
        Doc("doc: owner only", "permit(principal, action, resource) when { resource.owner == principal };"),
        Doc("doc: forbid private unless owner", "permit(principal, action, resource);\nforbid(principal, action, resource) when { resource.private } unless { resource.owner == principal };"),
        Doc("doc: context role, age, address", """
            permit(principal == PhotoFlash::User::"alice", action == PhotoFlash::Action::"view", resource in PhotoFlash::Album::"jane_vacation")
            when { context.role.contains("admin") && context.person.age > 17 && context.addr.city == "DC" || context.addr == { city: "DC", street: "main" } };
            """),
        Doc("doc: department and job level", "permit(principal, action, resource) when { principal.department == \"research\" && principal.jobLevel >= 5 };"),
        Doc("doc: unauthenticated forbidden", "permit(principal, action, resource);\nforbid(principal, action, resource) unless { context.authenticated };",
            """{"authenticated":false}"""),
        Doc("doc: ip range", "permit(principal, action, resource) when { context.source_ip.isInRange(ip(\"222.222.222.0/24\")) };"),
        Doc("doc: has guards optional attribute", "permit(principal, action, resource) when { principal has manager && principal.manager == resource.owner };"),
        Doc("doc: unguarded optional attribute errors", "permit(principal, action, resource) when { principal.manager == resource.owner };"),
        Doc("doc: is constrains entity type", "permit(principal is PhotoFlash::User, action, resource is PhotoFlash::Photo in PhotoFlash::Account::\"jane\");"),
        Doc("doc: like on resource id attribute", "permit(principal, action, resource) when { resource.accessLevel like \"pub*\" };"),
        Doc("doc: default deny", "permit(principal == PhotoFlash::User::\"bob\", action, resource);"),
    ];
}
