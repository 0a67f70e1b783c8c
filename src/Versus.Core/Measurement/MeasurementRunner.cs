using Versus.Core.Protocol;
using Versus.Core.Results;

namespace Versus.Core.Measurement;

/// <summary>
/// Runs one measurement in its own worker process and always returns a record: a crash, hang, protocol break, engine
/// error or diverged training fails this measurement with its reason, and the caller stores it and moves on. Only the
/// run's own cancellation passes through.
/// </summary>
public static class MeasurementRunner
{
    public static Task<MeasurementRecord> RunAsync(MeasurementTask task, MachinePeaks peaks, CancellationToken cancellationToken) =>
        RunAsync(task, peaks, null, cancellationToken);

    /// <param name="trained">The trained state an inference measurement probes forward parity on; null for none.</param>
    public static async Task<MeasurementRecord> RunAsync(MeasurementTask task, MachinePeaks peaks, TrainedState? trained,
        CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        long? peakRss = null;
        try
        {
            var worker = Spawn(task, cancellationToken);
            await using (worker.Channel)
            {
                try
                {
                    var outcome = task.Kind switch
                    {
                        MeasurementKind.Training => await TrainingDriver.RunAsync(worker, task, peaks),
                        MeasurementKind.Inference => await InferenceDriver.RunAsync(() => Task.FromResult(Spawn(task, cancellationToken)), worker, task, peaks,
                            trained),
                        _ => await MachinePeakDriver.RunAsync(worker, task),
                    };
                    return Record(task, started, MeasurementStatus.Ok, outcome.Note, outcome, worker.Channel.LastPeakRssBytes);
                }
                finally
                {
                    peakRss = worker.Channel.LastPeakRssBytes;
                }
            }
        }
        catch (MeasurementSkippedException e)
        {
            return Record(task, started, MeasurementStatus.Skipped, e.Message, null, peakRss);
        }
        catch (WorkerFaultException e)
        {
            return Record(task, started, MeasurementStatus.Failed, e.Message, null, peakRss);
        }
        catch (MeasurementFailedException e)
        {
            return Record(task, started, MeasurementStatus.Failed, e.Message, null, peakRss);
        }
        catch (InvalidOperationException e)
        {
            return Record(task, started, MeasurementStatus.Failed, e.Message, null, peakRss);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Anything else inside one measurement (a reply that slipped past the checks, a driver bug) is still this
            // measurement's failure: the run goes on, and the reason names what broke.
            return Record(task, started, MeasurementStatus.Failed, $"measurement failed unexpectedly: {e.GetType().Name}: {e.Message}", null, peakRss);
        }
    }

    public static MeasurementRecord Skipped(MeasurementTask task, string reason) =>
        Record(task, DateTimeOffset.UtcNow, MeasurementStatus.Skipped, reason, null, null);

    /// <summary>
    /// Starts a worker. An inference worker's cold start includes reading the weight file, which the planner has just
    /// written (so it would be in the page cache): it is dropped from the cache first, and what is still cached is kept.
    /// </summary>
    private static WorkerSessionClient Spawn(MeasurementTask task, CancellationToken cancellationToken)
    {
        var cached = task is { Kind: MeasurementKind.Inference, WeightsPath: { } weights } ? PageCache.Evict(weights) : null;
        return new(WorkerChannel.Start(task.Launch), task, cancellationToken) { WeightsCachedAtSpawn = cached };
    }

    private static MeasurementRecord Record(MeasurementTask task, DateTimeOffset started, MeasurementStatus status, string? reason,
        MeasurementOutcome? outcome, long? peakRss) =>
        new(task.Id, task.Engine.Id, outcome?.Engine, task.Workload, task.Kind, status, reason, outcome?.StopReason, started,
            DateTimeOffset.UtcNow, peakRss, task.Data?.ToString(), outcome?.Metrics ?? [], outcome?.Curve ?? [], outcome?.Probe,
            outcome?.Warmup, outcome?.TrainedProbe);
}
