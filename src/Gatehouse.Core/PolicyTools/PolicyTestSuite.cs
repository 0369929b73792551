namespace Gatehouse.Core.PolicyTools;

/// <summary>One YAML suite of policy test cases, read by <see cref="PolicyTestSuiteReader"/>.</summary>
/// <param name="Path">The suite file (or the label it was read under).</param>
/// <param name="Name">The suite's <c>name</c>, else its file name.</param>
/// <param name="Cases">The cases, in file order.</param>
public sealed record PolicyTestSuite(string Path, string Name, IReadOnlyList<PolicyTestCase> Cases);
