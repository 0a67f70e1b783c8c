using Versus.Store;

namespace Versus.Serve.Hosting;

/// <summary>
/// The store, opened only once the port is bound: a port that cannot be used must not leave a new store file behind.
/// A request that arrives in between waits for it (the pipeline's first step), so no page ever sees it missing.
/// </summary>
internal sealed class PendingStore
{
    private readonly TaskCompletionSource<IResultStore> opened = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<IResultStore> Opened => opened.Task;

    /// <summary>The opened store; only valid after <see cref="Opened"/> has completed, which the pipeline awaits first.</summary>
    public IResultStore Store => opened.Task.IsCompletedSuccessfully
        ? opened.Task.Result
        : throw new InvalidOperationException("The store was asked for before it was opened.");

    public void Open(IResultStore store) => opened.SetResult(store);

    public void Fail(Exception problem) => opened.SetException(problem);
}
