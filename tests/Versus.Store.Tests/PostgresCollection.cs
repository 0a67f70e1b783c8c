using Versus.Testing;
using Xunit;

namespace Versus.Store.Tests;

/// <summary>One PostgreSQL server for every test class that needs one: starting it (initdb) costs seconds, a database none.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL server";
}
