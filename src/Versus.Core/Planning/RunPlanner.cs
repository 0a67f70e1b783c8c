using System.Security.Cryptography;
using Versus.Core.Data;
using Versus.Core.Engines;
using Versus.Core.Environments;
using Versus.Core.Measurement;
using Versus.Core.Results;
using Versus.Core.Validation;
using Versus.Core.Weights;

namespace Versus.Core.Planning;

/// <summary>
/// Turns settings into a plan: checks every workload fits in memory (before anything is allocated), picks each
/// workload's data, writes the shared initial weights once per workload, and asks every engine whether it runs here.
/// </summary>
public static class RunPlanner
{
    /// <param name="images">The most training plus test images any workload will hold.</param>
    public static IReadOnlyList<ValidationError> CheckMemory(IReadOnlyList<Workload> workloads, long images, long availableBytes)
    {
        var errors = new List<ValidationError>();
        foreach (var w in workloads)
        {
            var batch = Math.Max(w.Spec.Training.BatchSize, w.Spec.ThroughputBatchSize);
            var bytes = w.Analysis.EstimatedTrainingBytes(batch) + 5L * images * w.Spec.Input.Elements;
            if (bytes > availableBytes)
                errors.Add(new ValidationError(w.Spec.SourceFile, "$.layers",
                    $"workload {w.Id} needs about {Gib(bytes)} to train at batch {batch} but this machine has {Gib(availableBytes)} available; reduce the batch size, the input size or the layer widths"));
        }
        return errors;
    }

    /// <param name="runId">The id of a run being resumed: its measurements get the ids they had; null for a new run.</param>
    public static async Task<RunPlan> PlanAsync(RunSettings settings, WorkerLaunchContext launch, CancellationToken cancellationToken, string? runId = null)
    {
        var resumed = runId is not null;
        runId ??= $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(2))}";
        var weightsDir = Path.Combine(settings.OutDirectory, "weights");
        Directory.CreateDirectory(weightsDir);

        var availability = new Dictionary<string, EngineAvailability>();
        foreach (var engine in settings.Engines)
            availability[engine.Id] = await engine.CheckAvailabilityAsync(cancellationToken);

        var planned = new List<PlannedMeasurement>();
        // Every engine that can multiply matrices times its own peak, first: the best of them is the denominator of
        // every share of peak on its device, so one engine's workload does not outrun another's "peak".
        foreach (var engine in settings.Engines.Where(e => e.Capabilities.HasFlag(EngineCapabilities.MatmulPeak) && availability[e.Id].IsUsable))
            planned.Add(new PlannedMeasurement(Task(runId, engine, launch, MeasurementKind.MachinePeak, null, null, null, settings), null));

        var workloadRecords = new List<WorkloadRecord>();
        foreach (var workload in settings.Workloads)
        {
            var (data, description) = ChooseData(settings, workload);
            var weightsPath = Path.Combine(weightsDir, workload.Id + ".safetensors");
            SafeTensorsFile.Write(weightsPath, workload.WeightsFor(settings.Seed));
            workloadRecords.Add(Describe(workload, description, settings.Profile));
            var trainedState = TrainedState(runId, launch, workload, weightsPath, data, settings, availability);
            // A resumed run keeps the state its reference trained; a new run in the same folder must not inherit one.
            if (trainedState is not null && !resumed) File.Delete(trainedState.Path);
            foreach (var engine in settings.Engines)
            {
                foreach (var (kind, capability) in new[] { (MeasurementKind.Training, EngineCapabilities.Train), (MeasurementKind.Inference, EngineCapabilities.Infer) })
                {
                    var task = Task(runId, engine, launch, kind, workload, weightsPath, data, settings);
                    if (kind == MeasurementKind.Inference) task = task with { TrainedState = trainedState };
                    else if (trainedState?.Producer.Id == task.Id) task = task with { SavesTrainedState = trainedState };
                    var usable = availability[engine.Id];
                    var skip = !usable.IsUsable ? $"{engine.Id} is not usable here: {usable.Summary}" + (usable.Fix is null ? "" : $" (fix: {usable.Fix})")
                        : !engine.Capabilities.HasFlag(capability) ? $"{engine.Id} cannot {(kind == MeasurementKind.Training ? "train" : "infer")}"
                        : null;
                    planned.Add(new PlannedMeasurement(task, skip));
                }
            }
        }

        var options = new RunOptionsRecord([.. settings.Engines.Select(e => e.Id)], settings.RequestedWorkloads, settings.Profile == MeasurementProfile.Quick,
            settings.Profile.Epochs, settings.Threads, settings.DataPath ?? DataSource.Generated, settings.Seed,
            settings.Profile.TargetRelativeHalfWidth, settings.Profile.LatencyBudget.TotalSeconds, settings.Priorities,
            BudgetsRecord.From(settings.Profile), settings.Images?.Train, settings.Images?.Test);
        var engines = settings.Engines.Select(e => new EngineRecord(e.Id, availability[e.Id].IsUsable, availability[e.Id].Summary, availability[e.Id].Fix, e.Family)).ToList();
        var shortfalls = settings.Engines.Select(e => Shortfall(e.Id, availability[e.Id])).OfType<string>().ToList();
        return new RunPlan(runId, options, engines, workloadRecords, planned, shortfalls);
    }

    /// <summary>
    /// The parity reference is the run's first engine (in the order given) that trains and runs here: what it trains is
    /// what every engine's forward parity is probed on. None where no engine can train, or the data holds no whole batch.
    /// </summary>
    private static TrainedStatePlan? TrainedState(string runId, WorkerLaunchContext launch, Workload workload, string weightsPath,
        DataSource data, RunSettings settings, IReadOnlyDictionary<string, EngineAvailability> availability)
    {
        var reference = settings.Engines.FirstOrDefault(e => e.Capabilities.HasFlag(EngineCapabilities.Train) && availability[e.Id].IsUsable);
        var steps = Math.Min(TrainedStatePlan.DefaultSteps, EpochOrder.StepsPerEpoch(data.TrainCount, workload.Spec.Training.BatchSize));
        if (reference is null || steps < 1) return null;
        var producer = Task(runId, reference, launch, MeasurementKind.Training, workload, weightsPath, data, settings);
        return new TrainedStatePlan(producer, Path.ChangeExtension(weightsPath, ".trained.safetensors"), steps);
    }

    /// <summary>One line for an engine that will not run, or will run slower than it could: what is missing and the fix.</summary>
    private static string? Shortfall(string id, EngineAvailability availability) =>
        !availability.IsUsable
            ? $"{id}: not usable here, its measurements are skipped: {availability.Summary}"
              + (availability.Fix is null ? "" : $"; fix: {availability.Fix}")
        : availability.Shortfall is { } shortfall ? $"{id}: {shortfall}"
        : null;

    private static MeasurementTask Task(string runId, IEngineProvider engine, WorkerLaunchContext launch, MeasurementKind kind,
        Workload? workload, string? weightsPath, DataSource? data, RunSettings settings) =>
        new($"{runId}/{engine.Id}/{workload?.Id ?? "machine"}/{kind.ToString().ToLowerInvariant()}", engine, engine.CreateWorkerLaunch(launch), kind,
            workload?.Spec, workload?.Analysis, weightsPath, data, settings.Threads, settings.Seed, settings.Profile);

    /// <summary>
    /// IDX data where its image shape fits the workload, all of it unless limited; the generated dataset otherwise, at
    /// the profile's counts unless limited. The description, recorded per workload, says which and why.
    /// </summary>
    private static (DataSource Data, string Description) ChooseData(RunSettings settings, Workload workload)
    {
        var profile = settings.Profile;
        var limits = settings.Images ?? ImageLimits.None;
        string? whyGenerated = null;
        if (settings.DataPath is { } path)
        {
            var (shape, train, test) = IdxDataset.Inspect(path);
            if (shape == workload.Spec.Input)
            {
                var idx = new DataSource(DataSource.Idx, settings.Seed, Math.Min(train, limits.Train ?? train),
                    Math.Min(test, limits.Test ?? test), Path.GetFullPath(path));
                return (idx, DataDescription.Of(idx, (train, test), limits, profile));
            }
            whyGenerated = $"the IDX files hold {shape} images, this workload takes {workload.Spec.Input}";
        }
        var generated = new DataSource(DataSource.Generated, settings.Seed, limits.Train ?? profile.TrainCount, limits.Test ?? profile.TestCount);
        return (generated, DataDescription.Of(generated, null, limits, profile, whyGenerated));
    }

    private static WorkloadRecord Describe(Workload w, string data, MeasurementProfile profile) =>
        new(w.Id, w.Spec.Description, w.Spec.Input.ToString(), w.Spec.Classes, w.Analysis.TrainableParameters, w.Analysis.ForwardFlopsPerExample,
            w.Analysis.TrainingFlopsPerExample, w.Spec.Training.BatchSize, w.Spec.ThroughputBatchSize, profile.Epochs ?? w.Spec.Training.Epochs,
            w.Spec.Training.Optimizer.ToString().ToLowerInvariant(), data, w.Spec.SourceFile);

    private static string Gib(long bytes) => FormattableString.Invariant($"{bytes / (1024.0 * 1024 * 1024):0.0} GiB");
}
