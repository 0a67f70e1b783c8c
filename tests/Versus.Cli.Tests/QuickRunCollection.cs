namespace Versus.Cli.Tests;

/// <summary>The test classes that read the one real quick run, so it runs once for all of them.</summary>
[CollectionDefinition(Name)]
public sealed class QuickRunCollection : ICollectionFixture<QuickRunFixture>
{
    public const string Name = "quick run";
}
