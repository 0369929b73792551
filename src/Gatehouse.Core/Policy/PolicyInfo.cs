using Gatehouse.Cedar;

namespace Gatehouse.Core.Policy;

/// <summary>A loaded policy with the name explanations use (its <c>@id</c>, else file:line) and its approval requirement.</summary>
internal sealed record PolicyInfo(string Name, PolicyEffect Effect, ApprovalRequirement? Approval, string Location);
