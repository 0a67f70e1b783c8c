using System.Diagnostics;
using Versus.Core.Data;
using Versus.Core.Results;
using Versus.Core.Statistics;

namespace Versus.Core.Measurement;

/// <summary>
/// Training: warm-up steps (then the worker resets to the initial weights), the planned epochs in the shared order with
/// every step timed inside the worker and the test set evaluated after each epoch, then, if the step-time interval is
/// still wider than the target, extra steady-state steps until it is tight or the budget is spent.
/// Epoch time is the sum of its steps (evaluation excluded); time to accuracy is measured at epoch ends.
/// </summary>
public static class TrainingDriver
{
    private const int EvaluationBatch = 256;

    public static async Task<MeasurementOutcome> RunAsync(WorkerSessionClient worker, MeasurementTask task, double? peakGflops)
    {
        var spec = task.Spec!;
        var hello = await worker.HelloAsync();
        var prepared = await worker.PrepareAsync();
        var batch = spec.Training.BatchSize;
        var stepsPerEpoch = EpochOrder.StepsPerEpoch(prepared.TrainCount, batch);
        if (stepsPerEpoch == 0)
            throw new InvalidOperationException($"the training set has {prepared.TrainCount} images, fewer than one batch of {batch}");
        var epochs = task.Profile.Epochs ?? spec.Training.Epochs;

        // Estimate first from one forward pass: an engine whose steps take minutes is skipped with the estimate as the
        // reason rather than spending the budget on a handful of steps.
        var warmupSteps = Math.Min(task.Profile.WarmupTrainSteps, stepsPerEpoch);
        var budget = task.Profile.TrainingBudget;
        var forward = await worker.WarmupAsync("infer", 1, batch);
        if (forward.Length > 0 && TrainingEstimate.WhyNot(forward[0], warmupSteps, task.Profile.MinSamples, budget) is not null
            && TrainingEstimate.WorthSecondForward(forward[0], budget))
            forward = [.. forward, .. await worker.WarmupAsync("infer", 1, batch)];
        if (forward.Length > 0 && TrainingEstimate.WhyNot(forward.Min(), warmupSteps, task.Profile.MinSamples, budget) is { } why)
            throw new MeasurementSkippedException(why);

        // The budget covers warm-up too: an engine whose steps take many seconds (JavaScript kernels) must still stop in time.
        var watch = Stopwatch.StartNew();
        var estimate = await WarmupAsync(worker, warmupSteps, batch, budget);
        if (TrainingEstimate.WhyNotAfterWarmup(estimate, budget - watch.Elapsed, budget) is { } measuredWhy)
            throw new MeasurementSkippedException(measuredWhy);

        var steps = new List<double>();
        var epochSeconds = new List<double>();
        var curve = new List<LossPoint>();
        double? timeToAccuracy = null;
        double accuracy = 0, loss = double.NaN;
        var stop = StopReason.PlannedWork;
        for (var epoch = 0; epoch < epochs && stop == StopReason.PlannedWork; epoch++)
        {
            var before = steps.Count;
            for (var step = 0; step < stepsPerEpoch;)
            {
                var chunk = ChunkSize(estimate, stepsPerEpoch - step);
                var result = await worker.TrainAsync(epoch, step, chunk);
                ThrowIfDiverged(result, epoch * stepsPerEpoch + step);
                for (var i = 0; i < result.StepMs.Length; i++)
                    curve.Add(new LossPoint(epoch, epoch * stepsPerEpoch + step + i, result.Losses[i]));
                steps.AddRange(result.StepMs);
                estimate = result.StepMs.Average();
                step += chunk;
                if (watch.Elapsed > task.Profile.TrainingBudget && step < stepsPerEpoch) { stop = StopReason.BudgetSpent; break; }
            }
            if (stop != StopReason.PlannedWork) break;
            epochSeconds.Add(steps.Skip(before).Sum() / 1000);
            var evaluation = await worker.EvaluateAsync(EvaluationBatch);
            accuracy = evaluation.Accuracy;
            loss = evaluation.Loss;
            var elapsed = epochSeconds.Sum();
            curve[^1] = curve[^1] with { TestAccuracy = accuracy, ElapsedSeconds = elapsed };
            if (timeToAccuracy is null && accuracy >= spec.Training.TargetAccuracy) timeToAccuracy = elapsed;
            if (epoch < epochs - 1 && watch.Elapsed > task.Profile.TrainingBudget) stop = StopReason.BudgetSpent;
        }
        var completed = epochSeconds.Count;

        // Steady state: more steps (beyond the planned epochs, not counted in total time) only to tighten the step interval.
        if (stop == StopReason.PlannedWork)
        {
            var policy = task.Profile.Policy(task.Profile.SteadyStateBudget);
            var extraEpoch = epochs;
            var extraStep = 0;
            var steadyWatch = Stopwatch.StartNew();
            var reason = policy.ShouldStop(steps, steadyWatch.Elapsed);
            while (reason is null)
            {
                var chunk = ChunkSize(estimate, stepsPerEpoch - extraStep);
                var result = await worker.TrainAsync(extraEpoch, extraStep, chunk);
                ThrowIfDiverged(result, extraEpoch * stepsPerEpoch + extraStep);
                steps.AddRange(result.StepMs);
                estimate = result.StepMs.Average();
                extraStep += chunk;
                if (extraStep >= stepsPerEpoch) (extraEpoch, extraStep) = (extraEpoch + 1, 0);
                reason = policy.ShouldStop(steps, steadyWatch.Elapsed);
            }
            stop = reason.Value;
        }

        var metrics = TrainingMetrics.Build(task, steps, epochSeconds, completed, epochs, timeToAccuracy, accuracy, loss, peakGflops);
        var notes = new[]
        {
            completed < epochs ? $"training budget ({task.Profile.TrainingBudget.TotalSeconds:0} s) spent after {completed} of {epochs} epochs" : null,
            TrainingEstimate.InsufficientSamples(steps.Count, task.Profile.MinSamples),
        }.OfType<string>().ToArray();
        var note = notes.Length > 0 ? string.Join("; ", notes) : null;
        return new MeasurementOutcome(hello.Engine, metrics, curve, stop, note);
    }

    /// <summary>
    /// One warm-up step first, then the rest if they fit in a quarter of the budget by that step's time. A slow first
    /// step still gets one more when it took under a third of the budget: it may be slow only because it was first (a
    /// GPU backend compiles its backward shaders: 19 s, then 5 s, for small-cnn-28 on WebGL here), and the estimate that
    /// decides whether timed steps fit must come from a warm step.
    /// </summary>
    private static async Task<double> WarmupAsync(WorkerSessionClient worker, int planned, int batch, TimeSpan budget)
    {
        var first = await worker.WarmupAsync("train", Math.Min(planned, 1), batch);
        var estimate = first.Length > 0 ? first[^1] : 100;
        if (planned <= 1) return estimate;
        var more = estimate * (planned - 1) <= budget.TotalMilliseconds / 4 ? planned - 1
            : estimate <= budget.TotalMilliseconds / 3 ? 1 : 0;
        if (more == 0) return estimate;
        var rest = await worker.WarmupAsync("train", more, batch);
        return rest.Length > 0 ? rest[^1] : estimate;
    }

    /// <summary>
    /// A NaN or infinite loss: every later step trains on garbage (and a NaN loss makes a fast step), so the training
    /// stops there and fails with the step, numbered as the loss curve numbers them.
    /// </summary>
    private static void ThrowIfDiverged(Protocol.TrainResult result, int firstStep)
    {
        var at = Array.FindIndex(result.Losses, l => !double.IsFinite(l));
        if (at >= 0)
            throw new MeasurementFailedException(FormattableString.Invariant($"diverged at step {firstStep + at} (loss {result.Losses[at]})"));
    }

    private static int ChunkSize(double estimateMs, int remaining) =>
        (int)Math.Clamp(2000 / Math.Max(estimateMs, 0.01), 1, Math.Max(remaining, 1));
}
