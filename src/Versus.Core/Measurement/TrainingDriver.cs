using System.Diagnostics;
using System.Globalization;
using Versus.Core.Data;
using Versus.Core.IO;
using Versus.Core.Results;
using Versus.Core.Statistics;

namespace Versus.Core.Measurement;

/// <summary>
/// Training: time-based warm-up steps (<see cref="WarmupLoop"/>, as inference; then the worker resets to the initial
/// weights), the planned epochs in the shared order with every step timed inside the worker and the test set evaluated
/// after each epoch, then, if the step-time interval is still wider than the target, extra steady-state steps until it
/// is tight or the budget is spent.
/// Epoch time is the sum of its steps (evaluation excluded); time to accuracy is measured at epoch ends. The parity
/// reference's training also saves the workload's trained state on the way (<see cref="MeasurementTask.SavesTrainedState"/>).
/// </summary>
public static class TrainingDriver
{
    private const int EvaluationBatch = 256;

    /// <summary>
    /// Warm-up may take up to a third of the training budget: a slow first step still gets a second when it took less
    /// (a GPU backend compiles its backward shaders on the first: 19 s, then 5 s, for small-cnn-28 on WebGL here), and
    /// the estimate that decides whether timed steps fit then comes from a warm step.
    /// </summary>
    private const int WarmupBudgetShare = 3;

    public static async Task<MeasurementOutcome> RunAsync(WorkerSessionClient worker, MeasurementTask task, MachinePeaks peaks)
    {
        var spec = task.Spec!;
        var hello = await worker.HelloAsync();
        var prepared = await worker.PrepareAsync();
        var engine = hello.Engine.WithDetails(prepared.Details);
        var batch = spec.Training.BatchSize;
        var stepsPerEpoch = EpochOrder.StepsPerEpoch(prepared.TrainCount, batch);
        if (stepsPerEpoch == 0)
            throw new InvalidOperationException($"the training set has {prepared.TrainCount} images, fewer than one batch of {batch}");
        var epochs = task.Profile.Epochs ?? spec.Training.Epochs;

        // Estimate first from one forward pass: an engine whose steps take minutes is skipped with the estimate as the
        // reason rather than spending the budget on a handful of steps. The bar is the fewest steps worth recording, not
        // the sampling minimum: one cold forward pass on a busy machine overestimates a step by 2-3x (TorchSharp's
        // baseline was skipped that way here), and a measurement with fewer steps says so in its notes.
        var warmupSteps = task.Profile.WarmupTrainSteps;
        var budget = task.Profile.TrainingBudget;
        var forward = await worker.WarmupAsync("infer", 1, batch);
        if (forward.Length > 0 && TrainingEstimate.WhyNot(forward[0], warmupSteps, TrainingEstimate.FewestTimedSteps, budget) is not null
            && TrainingEstimate.WorthSecondForward(forward[0], budget))
            forward = [.. forward, .. await worker.WarmupAsync("infer", 1, batch)];
        if (forward.Length > 0 && TrainingEstimate.WhyNot(forward.Min(), warmupSteps, TrainingEstimate.FewestTimedSteps, budget) is { } why)
            throw new MeasurementSkippedException(why);

        // The budget covers warm-up too: an engine whose steps take many seconds (JavaScript kernels) must still stop in time.
        var watch = Stopwatch.StartNew();
        // The same time-based warm-up as inference, held to a third of the budget so a slow engine keeps time for timed steps.
        Task<WarmupRecord> WarmUp(int minSteps) => WarmupLoop.RunAsync(WarmupPhase.Training, n => worker.WarmupAsync("train", n, batch), minSteps,
            task.Profile.WarmupDuration, budget / WarmupBudgetShare);
        var warmup = await WarmUp(task.Profile.WarmupTrainSteps);
        string? oneOff = null;
        if (IsOneOffFirstStep(warmup, budget))
        {
            // The forward pass said steps fit, yet the first step alone outlasted warm-up's share: that is one-off work
            // (a GPU backend compiling its backward shaders: WebGL over a software renderer took 7.4 s for depth-2's first
            // step on a loaded CI machine, 2.2 s on an idle one, then 1.4 s a step), not the step's pace. It would skip
            // the training and, through the engine's skipped workloads, every larger one; so the budget starts after it,
            // once, and warm-up goes on. A step that stays as slow (small-cnn-28 here: 11.3 s, then 13.9 s) still skips.
            oneOff = string.Create(CultureInfo.InvariantCulture,
                $"the first warm-up step ({warmup.LastCallMs / 1000:0.#} s, taken as one-off work such as compiling kernels) was not counted against the {budget.TotalSeconds:0} s training budget");
            watch.Restart();
            var settled = await WarmUp(Math.Max(1, task.Profile.WarmupTrainSteps - 1));
            warmup = warmup with { Calls = warmup.Calls + settled.Calls, Seconds = warmup.Seconds + settled.Seconds, LastCallMs = settled.LastCallMs };
        }
        var estimate = warmup.LastCallMs;
        if (TrainingEstimate.WhyNotAfterWarmup(estimate, budget - watch.Elapsed, budget) is { } measuredWhy)
            throw new MeasurementSkippedException(oneOff is null ? measuredWhy : $"{measuredWhy}; {oneOff}");
        var limit = TrainingEstimate.Limit(estimate, watch.Elapsed, IntervalRule.MinimumSamples, budget, task.Profile.TrainingIntervalBudget);

        var steps = new List<double>();
        var epochSeconds = new List<double>();
        var curve = new List<LossPoint>();
        double? timeToAccuracy = null;
        double accuracy = 0, loss = double.NaN;
        var stop = StopReason.PlannedWork;
        string? saveProblem = null;
        for (var epoch = 0; epoch < epochs && stop == StopReason.PlannedWork; epoch++)
        {
            var before = steps.Count;
            for (var step = 0; step < stepsPerEpoch;)
            {
                var chunk = ChunkSize(estimate, stepsPerEpoch - step);
                if (epoch == 0 && task.SavesTrainedState is { } save && step < save.Steps) chunk = Math.Min(chunk, save.Steps - step);
                var result = await worker.TrainAsync(epoch, step, chunk);
                ThrowIfDiverged(result, epoch * stepsPerEpoch + step);
                for (var i = 0; i < result.StepMs.Length; i++)
                    curve.Add(new LossPoint(epoch, epoch * stepsPerEpoch + step + i, result.Losses[i]));
                steps.AddRange(result.StepMs);
                estimate = result.StepMs.Average();
                step += chunk;
                if (epoch == 0 && task.SavesTrainedState is { } plan && step == plan.Steps) saveProblem = await SaveStateAsync(worker, plan);
                if (limit.Spent(watch.Elapsed, steps.Count) && step < stepsPerEpoch) { stop = StopReason.BudgetSpent; break; }
            }
            if (stop != StopReason.PlannedWork) break;
            epochSeconds.Add(steps.Skip(before).Sum() / 1000);
            var evaluation = await worker.EvaluateAsync(EvaluationBatch);
            accuracy = evaluation.Accuracy;
            loss = evaluation.Loss;
            var elapsed = epochSeconds.Sum();
            curve[^1] = curve[^1] with { TestAccuracy = accuracy, ElapsedSeconds = elapsed };
            if (timeToAccuracy is null && accuracy >= spec.Training.TargetAccuracy) timeToAccuracy = elapsed;
            if (epoch < epochs - 1 && limit.Spent(watch.Elapsed, steps.Count)) stop = StopReason.BudgetSpent;
        }
        var completed = epochSeconds.Count;
        var stretched = limit.Note(watch.Elapsed, steps.Count);

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

        var metrics = TrainingMetrics.Build(task, steps, epochSeconds, completed, epochs, stepsPerEpoch, timeToAccuracy, accuracy, loss,
            engine, peaks);
        var notes = new[]
        {
            completed < epochs ? $"training budget ({task.Profile.TrainingBudget.TotalSeconds:0} s) spent after {completed} of {epochs} epochs" : null,
            oneOff,
            stretched,
            TrainingEstimate.InsufficientSamples(steps.Count, task.Profile.MinSamples),
            saveProblem,
        }.OfType<string>().ToArray();
        var note = notes.Length > 0 ? string.Join("; ", notes) : null;
        return new MeasurementOutcome(engine, metrics, curve, stop, note, Warmup: [warmup]);
    }

    /// <summary>Warm-up made one step only, and that step alone took warm-up's whole share of the budget.</summary>
    private static bool IsOneOffFirstStep(WarmupRecord warmup, TimeSpan budget) =>
        warmup.Calls == 1 && TimeSpan.FromMilliseconds(warmup.LastCallMs) >= budget / WarmupBudgetShare;

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

    /// <summary>
    /// The parity reference's state after the plan's first steps, saved between two timed requests (step times are taken
    /// inside the worker, so the save costs no timed step): the same steps from the same weights in the same order as a
    /// worker of its own would train, without training them twice. Written under another name and moved into place once
    /// complete and on disk (<see cref="DurableFile.MoveIntoPlace"/>), so a file there is always whole. A save the engine
    /// refuses costs the trained parity check, not the timings: the note says so. A worker lost at the save (exited,
    /// killed for a hang or a broken reply) fails the training there, with the save as its reason: it cannot train on.
    /// </summary>
    private static async Task<string?> SaveStateAsync(WorkerSessionClient worker, TrainedStatePlan plan)
    {
        var partial = plan.Path + ".partial";
        try
        {
            await worker.SaveAsync(partial);
            DurableFile.MoveIntoPlace(partial, plan.Path);
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            File.Delete(partial);
            if (worker.Channel.IsLost) throw;
            return $"trained state for forward parity not saved: {e.Message}";
        }
    }

    private static int ChunkSize(double estimateMs, int remaining) =>
        (int)Math.Clamp(2000 / Math.Max(estimateMs, 0.01), 1, Math.Max(remaining, 1));
}
