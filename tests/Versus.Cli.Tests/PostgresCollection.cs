namespace Versus.Cli.Tests;

/// <summary>One PostgreSQL server for the CLI tests that store runs in one.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL server";
}
