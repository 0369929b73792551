namespace Gatehouse.Core.Tests.Policy;

/// <summary>One policy test suite of policies/tests: an optional inventory and context, and the cases decided against them.</summary>
public sealed class PolicySuite
{
    /// <summary>Inventory file, relative to the suite file.</summary>
    public string? Inventory { get; set; }

    /// <summary>Policy context file (code freezes), relative to the suite file.</summary>
    public string? Context { get; set; }

    /// <summary>When the decisions are made (ISO 8601); a fixed default keeps the suites reproducible.</summary>
    public DateTimeOffset Time { get; set; } = new(2026, 4, 25, 12, 0, 0, TimeSpan.Zero);

    public List<PolicySuiteCase> Cases { get; set; } = [];
}

public sealed class PolicySuiteCase
{
    public string Command { get; set; } = string.Empty;

    /// <summary>shell (default), sql, http or graphql.</summary>
    public string Kind { get; set; } = "shell";

    /// <summary>The declared environment.</summary>
    public string? Env { get; set; }

    public string Expect { get; set; } = string.Empty;

    /// <summary>For approve: the number of approvers required.</summary>
    public int? Approvers { get; set; }

    /// <summary>Each must be among the policies that determined the decision.</summary>
    public List<string> Policies { get; set; } = [];
}
