using Versus.Core.Data;
using Versus.Core.Measurement;
using Versus.Core.Planning;
using Versus.Core.Results;
using Versus.Core.Weights;
using Versus.Deploy;
using Versus.Reports.Cited;

namespace Versus.Cli.Deployment;

/// <summary>
/// Runs the deployment probes of a planned run in this (the parent) process, after the measurements: TorchSharp and
/// ONNX Runtime both load in-process and each probe records its own failure, so no worker process is needed to isolate
/// them. Quick runs probe one workload (small-cnn-28 when selected) to stay fast; full runs probe every workload.
/// Every record is handed to the caller as it is made, so results.json grows probe by probe like the measurements.
/// </summary>
public sealed class DeploymentRunner(RunPlan plan, RunSettings settings, TextWriter output)
{
    public const string QuickWorkload = "small-cnn-28";

    private readonly List<DeploymentRecord> records = [];

    /// <summary>Every record made so far, also after a cancellation.</summary>
    public IReadOnlyList<DeploymentRecord> Records => records;

    public async Task<IReadOnlyList<DeploymentRecord>> RunAsync(Func<IReadOnlyList<DeploymentRecord>, Task> changed, CancellationToken cancellationToken)
    {
        var tasks = Workloads();
        output.WriteLine($"Deployment probes: {string.Join(", ", tasks.Select(t => t.Workload))}" +
            (Quick && settings.Workloads.Count > 1 ? " (one workload with --quick)" : ""));
        var index = 0;
        foreach (var task in tasks)
        {
            index++;
            var prefix = $"[deploy {index}/{tasks.Count}]";
            var context = new DeploymentContext(task.Spec!, SafeTensorsFile.Read(task.WeightsPath!),
                DatasetLoader.Load(task.Data!, task.Spec!.Input, task.Spec.Classes), settings.OutDirectory, settings.Threads, settings.Profile);
            await DeploymentSuite.RunAsync(context,
                target => { output.WriteLine($"{prefix} {Target(target)} {task.Workload} ..."); output.Flush(); },
                async record =>
                {
                    records.Add(record);
                    output.WriteLine($"{prefix} {Target(record.Target)} {record.Engine} {record.Workload}: {Outcome(record)}");
                    output.Flush();
                    await changed(records);
                },
                cancellationToken);
        }
        records.AddRange(CitedDeploymentRows.Create(CitedFacts.Load()));
        output.WriteLine("[deploy] mobile, tpu: the deck's scores, cited (not measured here)");
        await changed(records);
        return records;
    }

    /// <summary>One planned task per workload to probe: it carries the run's initial weights file and data source.</summary>
    private List<MeasurementTask> Workloads()
    {
        var byWorkload = plan.Measurements
            .Select(p => p.Task)
            .Where(t => t is { Spec: not null, WeightsPath: not null, Data: not null })
            .GroupBy(t => t.Workload, StringComparer.Ordinal)
            .Select(g => g.First())
            .ToList();
        if (!Quick || byWorkload.Count <= 1) return byWorkload;
        return [byWorkload.FirstOrDefault(t => t.Workload == QuickWorkload) ?? byWorkload[0]];
    }

    private bool Quick => settings.Profile.Name == MeasurementProfile.Quick.Name;

    private static string Target(DeploymentTarget target) => Core.Results.ResultsJson.Serialize(target).Trim('"');

    private static string Outcome(DeploymentRecord record) => record.Status switch
    {
        DeploymentStatus.Passed => $"passed: {record.Evidence}",
        DeploymentStatus.Failed => $"FAILED: {record.Evidence}",
        DeploymentStatus.NotExercised => record.Evidence,
        _ => $"cited: {record.Evidence}",
    };
}
