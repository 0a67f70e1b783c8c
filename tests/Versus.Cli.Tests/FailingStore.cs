using Versus.Core.Results;
using Versus.Store;

namespace Versus.Cli.Tests;

/// <summary>A store that begins runs but then fails every write, as a full disk or a vanished server would.</summary>
public sealed class FailingStore : IResultStore
{
    public string Location => "failing-store";

    public int Attempts { get; private set; }

    public Task BeginRunAsync(RunResults run, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task SaveMeasurementAsync(string runId, MeasurementRecord measurement, CancellationToken cancellationToken = default) => Fail();

    public Task SaveDeploymentAsync(string runId, DeploymentRecord deployment, CancellationToken cancellationToken = default) => Fail();

    public Task FinishRunAsync(string runId, string status, DateTimeOffset finishedAt, CancellationToken cancellationToken = default) => Fail();

    public Task<IReadOnlyList<RunSummary>> ListRunsAsync(int limit, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<RunSummary>>([]);

    public Task<RunResults?> LoadRunAsync(string runIdOrPrefix, CancellationToken cancellationToken = default) => Task.FromResult<RunResults?>(null);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private Task Fail()
    {
        Attempts++;
        throw new StoreException("database or disk is full");
    }
}
