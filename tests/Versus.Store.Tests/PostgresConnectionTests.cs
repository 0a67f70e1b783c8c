using System.Net;
using System.Net.Sockets;
using Versus.Testing;
using Xunit;

namespace Versus.Store.Tests;

/// <summary>Opening a PostgreSQL store the ways a user can name it, and failing to, in one line without the password.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresConnectionTests(PostgresServer server)
{
    [SkippableFact]
    public async Task Should_OpenTheSameStore_When_NamedByEitherSchemeOrKeywords()
    {
        var url = await server.CreateDatabaseAsync();
        var database = url[(url.LastIndexOf('/') + 1)..];
        await using (var writer = await PostgresResultStore.OpenAsync(url))
        {
            await writer.BeginRunAsync(Samples.Run("shared"));
        }

        await using var viaScheme = await PostgresResultStore.OpenAsync("postgresql" + url["postgres".Length..]);
        await using var viaKeywords = await PostgresResultStore.OpenAsync(
            $"Host=127.0.0.1;Port={server.Port};Username={PostgresServer.User};Password={server.Password};Database={database}");

        Assert.Equal("shared", (await viaScheme.LoadRunAsync("shared"))!.RunId);
        Assert.Equal("shared", (await viaKeywords.LoadRunAsync("shared"))!.RunId);
        Assert.Equal($"postgres://versus@127.0.0.1:{server.Port}/{database}", viaKeywords.Location);
        Assert.DoesNotContain(server.Password, viaScheme.Location, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Should_SayAuthenticationFailedWithoutPassword_When_PasswordIsWrong()
    {
        var url = await server.CreateDatabaseAsync();
        var database = url[(url.LastIndexOf('/') + 1)..];
        const string wrong = "wrong-Pa55word";

        var ex = await Assert.ThrowsAsync<StoreException>(() => PostgresResultStore.OpenAsync(server.Url(database, wrong)));

        Assert.StartsWith($"The results database 'postgres://versus@127.0.0.1:{server.Port}/{database}' refused: password authentication failed", ex.Message,
            StringComparison.Ordinal);
        Assert.EndsWith("Check --db or VERSUS_DB.", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [SkippableFact]
    public async Task Should_ListAndLoadRuns_When_UserMayOnlyRead()
    {
        var url = await server.CreateDatabaseAsync();
        var database = url[(url.LastIndexOf('/') + 1)..];
        await using (var writer = await PostgresResultStore.OpenAsync(url))
        {
            await writer.BeginRunAsync(Samples.Run("for-readers"));
            await writer.SaveMeasurementAsync("for-readers", Samples.Ok());
        }

        var reader = $"reader_{database}";
        await using (var admin = server.OpenAdmin(database))
        await using (var grant = new Npgsql.NpgsqlCommand(
            $"CREATE ROLE {reader} LOGIN PASSWORD 'read-only'; GRANT SELECT ON ALL TABLES IN SCHEMA public TO {reader};", admin))
        {
            await grant.ExecuteNonQueryAsync();
        }

        await using var store = await PostgresResultStore.OpenAsync($"postgres://{reader}:read-only@127.0.0.1:{server.Port}/{database}");

        Assert.Equal("for-readers", Assert.Single(await store.ListRunsAsync(5)).RunId);
        Assert.Single((await store.LoadRunAsync("for-readers"))!.Measurements);
        var refused = await Assert.ThrowsAsync<StoreException>(() => store.BeginRunAsync(Samples.Run("by-a-reader")));
        Assert.Contains("permission denied", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_SayUnreachableWithoutPassword_When_NoServerListens()
    {
        var port = ClosedPort();
        const string password = "s3cret-never-shown";

        var ex = await Assert.ThrowsAsync<StoreException>(() => PostgresResultStore.OpenAsync($"postgres://versus:{password}@127.0.0.1:{port}/results"));

        Assert.StartsWith($"Cannot reach the PostgreSQL server of 'postgres://versus@127.0.0.1:{port}/results': ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("refused", ex.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(password, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
