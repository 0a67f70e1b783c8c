using Versus.Testing;
using Xunit;

namespace Versus.Store.Tests;

[Collection(PostgresCollection.Name)]
public sealed class PostgresResultStoreContractTests(PostgresServer server) : ResultStoreContract, IAsyncLifetime
{
    private string? url;

    public async Task InitializeAsync()
    {
        if (server.Problem is null) url = await server.CreateDatabaseAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    protected override async Task<IResultStore> OpenStoreAsync()
    {
        server.SkipIfAbsent();
        return await PostgresResultStore.OpenAsync(url!);
    }
}
