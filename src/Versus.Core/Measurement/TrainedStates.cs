using Versus.Core.IO;
using Versus.Core.Parity;
using Versus.Core.Protocol;
using Versus.Core.Results;

namespace Versus.Core.Measurement;

/// <summary>
/// Each workload's trained state for forward parity, once per run, before the first inference measurement that probes
/// it. Normally the reference's training measurement has saved it on the way (<see cref="TrainingDriver"/>); where that
/// training has not run yet (an engine listed before the reference), the reference trains the plan's steps in a worker
/// of its own: hello, prepare (the shared initial weights and data), train, save. Where the training ran but left no
/// state (skipped, failed, stopped before the steps), the reason is its record's: training it again here would cost
/// what the budget already refused. A file already there (a resumed run) is taken as it is: it is written under
/// another name and renamed only once complete. Any engine that trains can be the reference; nothing here knows which.
/// </summary>
public sealed class TrainedStates
{
    private readonly Dictionary<string, TrainedState> produced = [];

    /// <param name="producerRecord">The reference's training measurement of this workload, if it has run.</param>
    public async Task<TrainedState> ForAsync(TrainedStatePlan plan, MeasurementRecord? producerRecord, CancellationToken cancellationToken)
    {
        if (produced.TryGetValue(plan.Path, out var known)) return known;
        var weights = ParityWeights.Trained(plan.Steps, plan.Producer.Engine.Id);
        var state = File.Exists(plan.Path) ? new TrainedState(weights, plan.Path, null)
            : producerRecord is not null ? new TrainedState(weights, null, WhyNotSaved(plan, producerRecord))
            : await ProduceAsync(plan, weights, cancellationToken);
        produced[plan.Path] = state;
        return state;
    }

    private static string WhyNotSaved(TrainedStatePlan plan, MeasurementRecord training) => training.Status switch
    {
        MeasurementStatus.Skipped => $"{training.Engine}'s training was skipped: {training.Reason}",
        MeasurementStatus.Failed => $"{training.Engine}'s training failed: {training.Reason}",
        _ => $"{training.Engine}'s training did not save it after {plan.Steps} steps" + (training.Reason is { } note ? $" ({note})" : ""),
    };

    private static async Task<TrainedState> ProduceAsync(TrainedStatePlan plan, ParityWeights weights, CancellationToken cancellationToken)
    {
        var partial = plan.Path + ".partial";
        try
        {
            var worker = new WorkerSessionClient(WorkerChannel.Start(plan.Producer.Launch), plan.Producer, cancellationToken);
            await using (worker.Channel)
            {
                await worker.HelloAsync();
                await worker.PrepareAsync();
                var trained = await worker.TrainAsync(0, 0, plan.Steps);
                if (NonFinite.First(trained.Losses) is { } bad)
                    return new TrainedState(weights, null, $"{plan.Producer.Engine.Id}'s loss at training step {bad.Index} was {bad.Name}");
                await worker.SaveAsync(partial);
            }
            DurableFile.MoveIntoPlace(partial, plan.Path);
            return new TrainedState(weights, plan.Path, null);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            File.Delete(partial);
            return new TrainedState(weights, null, $"{plan.Producer.Engine.Id} could not produce it: {e.Message}");
        }
    }
}
