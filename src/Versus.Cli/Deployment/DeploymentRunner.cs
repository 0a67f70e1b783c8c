using Versus.Core.Models;
using Versus.Core.Measurement;
using Versus.Core.Planning;
using Versus.Core.Results;
using Versus.Deploy.Isolation;
using Versus.Reports.Cited;

namespace Versus.Cli.Deployment;

/// <summary>
/// Runs the deployment probes of a planned run after the measurements, each workload's in a deployment worker of its
/// own (this program's hidden "deploy-worker" command), as measurements run in engine workers: a native crash or a hang
/// fails that workload's remaining probes with the reason, not the run. Quick runs probe one workload (small-cnn-28 when
/// selected) to stay fast; full runs probe every workload. Every record is handed to the caller as it arrives, so
/// results.json grows probe by probe like the measurements.
/// </summary>
public sealed class DeploymentRunner(RunPlan plan, RunSettings settings, TextWriter output)
{
    public const string QuickWorkload = "small-cnn-28";

    /// <summary>For every probe of one workload together: interop training, three load levels, edge and the browser.</summary>
    private static readonly TimeSpan WorkerTimeout = TimeSpan.FromMinutes(20);

    private readonly List<DeploymentRecord> records = [];

    /// <summary>Every record made so far, also after a cancellation.</summary>
    public IReadOnlyList<DeploymentRecord> Records => records;

    /// <summary>Probes every workload; <paramref name="added"/> hears each record as it arrives, with every record so far.</summary>
    public async Task<IReadOnlyList<DeploymentRecord>> RunAsync(Func<DeploymentRecord, IReadOnlyList<DeploymentRecord>, Task> added, CancellationToken cancellationToken)
    {
        var tasks = Workloads();
        output.WriteLine($"Deployment probes: {string.Join(", ", tasks.Select(t => t.Workload))}" +
            (Quick && settings.Workloads.Count > 1 ? " (one workload with --quick)" : ""));
        var index = 0;
        foreach (var task in tasks)
        {
            index++;
            var prefix = $"[deploy {index}/{tasks.Count}]";
            var request = new DeploymentRequest(ModelSpecWriter.ToJson(task.Spec!), Path.GetFullPath(task.WeightsPath!), task.Data!,
                Path.GetFullPath(settings.OutDirectory), settings.Threads, settings.Profile);
            await DeploymentProcess.RunAsync(SelfLaunch.Context().Self, request, task.Workload,
                target => { output.WriteLine($"{prefix} {Target(target)} {task.Workload} ..."); output.Flush(); },
                async record =>
                {
                    records.Add(record);
                    output.WriteLine($"{prefix} {Target(record.Target)} {record.Engine} {record.Workload}: {Outcome(record)}");
                    output.Flush();
                    await added(record, records);
                },
                WorkerTimeout, cancellationToken);
        }
        foreach (var cited in CitedDeploymentRows.Create(CitedFacts.Load()))
        {
            records.Add(cited);
            await added(cited, records);
        }
        output.WriteLine("[deploy] mobile, tpu: the deck's scores, cited (not measured here)");
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
