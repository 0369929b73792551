namespace Gatehouse.Cli.Tests;

/// <summary>
/// Tests that bound a wall-clock duration run alone: beside the suite's process tests, which block thread-pool threads
/// while real <c>gatehouse</c> processes run, a timer's continuation can wait seconds for a thread and fail a correct bound.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingSensitiveCollection
{
    public const string Name = "timing-sensitive";
}
