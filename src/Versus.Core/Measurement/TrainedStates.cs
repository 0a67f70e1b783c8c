using Versus.Core.Parity;
using Versus.Core.Protocol;

namespace Versus.Core.Measurement;

/// <summary>
/// Produces each workload's trained state once per run, in a worker process of the reference engine's own, before the
/// first inference measurement that probes it: hello, prepare (the shared initial weights and data), the plan's training
/// steps, save. Any engine that trains can be the reference; nothing here knows which one it is. A file already there
/// (a resumed run) is taken as it is: it is written under another name and renamed only once complete.
/// </summary>
public sealed class TrainedStates
{
    private readonly Dictionary<string, TrainedState> produced = [];

    public async Task<TrainedState> ForAsync(TrainedStatePlan plan, CancellationToken cancellationToken)
    {
        if (produced.TryGetValue(plan.Path, out var known)) return known;
        var weights = ParityWeights.Trained(plan.Steps, plan.Producer.Engine.Id);
        var state = File.Exists(plan.Path) ? new TrainedState(weights, plan.Path, null) : await ProduceAsync(plan, weights, cancellationToken);
        produced[plan.Path] = state;
        return state;
    }

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
            File.Move(partial, plan.Path, overwrite: true);
            return new TrainedState(weights, plan.Path, null);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            File.Delete(partial);
            return new TrainedState(weights, null, $"{plan.Producer.Engine.Id} could not produce it: {e.Message}");
        }
    }
}
