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

    [Theory]
    [InlineData("postgres://ci:hunter22@10.0.0.5:6543/versus", "postgres://ci@10.0.0.5:6543/versus")]
    [InlineData("Host=db.example;Username=ci;Password=hunter22;Database=versus", "postgres://ci@db.example:5432/versus")]
    [InlineData("postgresql://ci:hunter22@[::1", "a PostgreSQL address (not shown: it does not parse)")]
    public void Should_ShowTheAddressWithoutItsPassword_When_DbIsDescribed(string db, string shown)
    {
        Assert.Equal(shown, ResultStores.Describe(db));
        Assert.DoesNotContain("hunter22", ResultStores.Describe(db), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_ShowThePathAsItIs_When_DbIsASqliteFile() =>
        Assert.Equal("/data/results.db", ResultStores.Describe("/data/results.db"));

    public void Dispose() => folder.Dispose();
}
