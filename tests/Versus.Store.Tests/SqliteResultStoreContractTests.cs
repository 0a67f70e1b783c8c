namespace Versus.Store.Tests;

public sealed class SqliteResultStoreContractTests : ResultStoreContract, IDisposable
{
    private readonly TempFolder folder = new();

    protected override async Task<IResultStore> OpenStoreAsync() => await SqliteResultStore.OpenAsync(folder.File("results.db"));

    public void Dispose() => folder.Dispose();
}
