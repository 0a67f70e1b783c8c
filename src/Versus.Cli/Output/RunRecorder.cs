using System.Data.Common;
using System.Runtime.ExceptionServices;
using Versus.Cli.Console;
using Versus.Core.Results;
using Versus.Store;

namespace Versus.Cli.Output;

/// <summary>
/// Makes each finished result durable before the next one starts, in the order that loses nothing: results.json first
/// (rewritten atomically), then the store. A store that fails (disk full, locked, server gone) is said loudly, in one
/// line, and left alone for the rest of the run: every result is in results.json, and "versus import" puts the whole
/// run in the store later. Trying it again for each result would cost each one the store's timeout (15 s for a locked
/// SQLite file) and leave the store with gaps instead of a run cut short.
/// </summary>
internal sealed class RunRecorder(RunOutput output, IResultStore store, RunResults header, IEnumerable<MeasurementRecord> earlier)
{
    private readonly List<MeasurementRecord> measurements = [.. earlier];
    private IReadOnlyList<DeploymentRecord>? deployment = header.Deployment;

    /// <summary>Results the store did not take (failed, or not tried after it failed); non-zero means results.json holds more than the store.</summary>
    public int StoreFailures { get; private set; }

    public IReadOnlyList<MeasurementRecord> Measurements => measurements;

    /// <summary>The run as results.json holds it now.</summary>
    public RunResults Current => header with { Measurements = measurements, Deployment = deployment };

    /// <summary>Writes the header: results.json, then the store's run record (unless the store already has this run).</summary>
    public async Task BeginAsync(bool inStore)
    {
        output.WriteResults(Current);
        if (!inStore) await StoreAsync(() => store.BeginRunAsync(header with { Measurements = [], Deployment = null }, CancellationToken.None), "the run's header");
    }

    /// <summary>Puts earlier results the store lacks (a resumed run's, kept only in results.json) into the store.</summary>
    public async Task CatchUpAsync(IEnumerable<MeasurementRecord> missing)
    {
        foreach (var record in missing)
            await StoreAsync(() => store.SaveMeasurementAsync(header.RunId, record, CancellationToken.None), $"measurement {record.Id}");
    }

    /// <summary>
    /// Keeps <paramref name="record"/> in results.json, then the store. A results.json that cannot be written (its folder
    /// gone, the disk full) still lets the store take the record first, then fails the run: it cannot go on unrecorded.
    /// </summary>
    public async Task AddAsync(MeasurementRecord record)
    {
        measurements.Add(record);
        ExceptionDispatchInfo? unwritten = null;
        try
        {
            output.WriteResults(Current);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            unwritten = ExceptionDispatchInfo.Capture(e);
        }
        await StoreAsync(() => store.SaveMeasurementAsync(header.RunId, record, CancellationToken.None), $"measurement {record.Id}");
        unwritten?.Throw();
    }

    public async Task AddDeploymentAsync(DeploymentRecord record, IReadOnlyList<DeploymentRecord> all)
    {
        deployment = [.. all];
        output.WriteResults(Current);
        await StoreAsync(() => store.SaveDeploymentAsync(header.RunId, record, CancellationToken.None), $"deployment probe {record.Target}");
    }

    /// <summary>Writes the closed run: results.json first, then the store's final state.</summary>
    public async Task FinishAsync(RunResults finished)
    {
        try
        {
            output.WriteResults(finished);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The folder went away or filled up (perhaps why the run failed): the store still learns how the run ended.
            ErrorLine.Print($"results.json could not be written ({e.Message}); the store keeps run {header.RunId}");
        }
        await StoreAsync(() => store.FinishRunAsync(header.RunId, finished.Status, finished.FinishedAt ?? DateTimeOffset.UtcNow, CancellationToken.None),
            $"the run's final state ({finished.Status})");
    }

    private async Task StoreAsync(Func<Task> save, string what)
    {
        if (StoreFailures > 0)
        {
            StoreFailures++;
            return;
        }
        try
        {
            await save();
        }
        catch (Exception e) when (e is StoreException or DbException or IOException)
        {
            StoreFailures++;
            ErrorLine.Print($"the store ({store.Location}) did not keep {what}: {e.Message.TrimEnd('.')}; run {header.RunId} goes on without the store, "
                + $"every result in {output.ResultsPath}, and 'versus import {output.ResultsPath}' adds the whole run to the store afterwards");
        }
    }
}
