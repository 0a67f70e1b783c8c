using Versus.Testing;
using Xunit;

namespace Versus.Store.Tests;

/// <summary>The one choice of store: --db, else VERSUS_DB, else the default file; a URL means PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ResultStoresTests(PostgresServer server) : IDisposable
{
    private readonly TempFolder folder = new();

    [Fact]
    public async Task Should_OpenTheVersusDbFile_When_NoDbOptionGiven()
    {
        var fromEnvironment = folder.File("env.db");

        await using var store = await ResultStores.OpenAsync(null, fromEnvironment, CancellationToken.None);

        Assert.IsType<SqliteResultStore>(store);
        Assert.Equal(fromEnvironment, store.Location);
    }

    [Fact]
    public async Task Should_PreferTheDbOption_When_VersusDbIsAlsoSet()
    {
        var option = folder.File("option.db");

        await using var store = await ResultStores.OpenAsync(option, folder.File("env.db"), CancellationToken.None);

        Assert.Equal(option, store.Location);
        Assert.False(File.Exists(folder.File("env.db")));
    }

    [SkippableFact]
    public async Task Should_OpenPostgres_When_VersusDbIsAUrl()
    {
        var url = await server.CreateDatabaseAsync();

        await using var store = await ResultStores.OpenAsync("", url, CancellationToken.None);

        Assert.IsType<PostgresResultStore>(store);
        Assert.StartsWith("postgres://versus@127.0.0.1:", store.Location, StringComparison.Ordinal);
    }

    public void Dispose() => folder.Dispose();
}
