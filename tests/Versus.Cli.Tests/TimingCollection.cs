namespace Versus.Cli.Tests;

/// <summary>
/// Tests whose claim is about timings of runs they start: they run after every parallel collection, alone, so another
/// test's runs do not slow one of theirs and not the other.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingCollection
{
    public const string Name = "timing runs";
}
