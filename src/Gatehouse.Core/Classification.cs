using Gatehouse.Core.Model;

namespace Gatehouse.Core;

/// <summary>One command the classifier saw execute, with the path it was reached through.</summary>
public sealed record Segment(string Path, string Text);

/// <summary>
/// Everything a classifier found in one input: the actions, and for explanations the command
/// segments it walked through. An input that could not be parsed yields an opaque action, never nothing.
/// </summary>
public sealed record Classification(IReadOnlyList<AgentAction> Actions, IReadOnlyList<Segment> Segments);
