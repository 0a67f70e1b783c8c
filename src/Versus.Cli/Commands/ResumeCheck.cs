using System.Globalization;
using Versus.Core.Planning;
using Versus.Core.Results;
using Versus.Core.Validation;

namespace Versus.Cli.Commands;

/// <summary>
/// What would make a resumed run's new measurements mean something else than its finished ones: a workload whose spec
/// changed (parameters, FLOPs, batch, epochs, optimizer, data), an engine whose version or availability changed, a
/// measurement the new plan no longer has. Each is one line naming what changed, from what to what.
/// </summary>
internal static class ResumeCheck
{
    public static IReadOnlyList<ValidationError> Compare(RunResults recorded, RunPlan plan)
    {
        var errors = new List<ValidationError>();
        void Changed(string what, string change) =>
            errors.Add(new ValidationError("--resume", recorded.RunId, $"cannot be resumed: {what} changed since it began ({change}); start a new run"));

        foreach (var was in recorded.Workloads)
        {
            if (plan.Workloads.FirstOrDefault(w => w.Id == was.Id) is not { } now)
            {
                Changed($"workload {was.Id}", "no longer planned");
                continue;
            }
            var fields = new (string Name, object Was, object Now)[]
            {
                ("input", was.Input, now.Input), ("classes", was.Classes, now.Classes), ("parameters", was.Parameters, now.Parameters),
                ("forward FLOPs", was.ForwardFlopsPerExample, now.ForwardFlopsPerExample),
                ("training FLOPs", was.TrainingFlopsPerExample, now.TrainingFlopsPerExample), ("batch size", was.BatchSize, now.BatchSize),
                ("throughput batch", was.ThroughputBatchSize, now.ThroughputBatchSize), ("epochs", was.Epochs, now.Epochs),
                ("optimizer", was.Optimizer, now.Optimizer), ("dataset", was.Dataset, now.Dataset),
            };
            var diffs = fields.Where(f => !Equals(f.Was, f.Now)).Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Name} {f.Was} -> {f.Now}")).ToList();
            if (diffs.Count > 0) Changed($"workload {was.Id}", string.Join(", ", diffs));
        }
        foreach (var was in recorded.Engines)
        {
            if (plan.Engines.FirstOrDefault(e => e.Id == was.Id) is not { } now)
                Changed($"engine {was.Id}", "no longer planned");
            else if (was.Usable != now.Usable || Identity(was.Summary) != Identity(now.Summary))
                Changed($"engine {was.Id}", $"'{Identity(was.Summary)}' -> '{Identity(now.Summary)}'");
        }
        var planned = plan.Measurements.Select(m => m.Task.Id).ToHashSet();
        foreach (var orphan in recorded.Measurements.Where(m => !planned.Contains(m.Id)).Take(1))
            Changed($"measurement {orphan.Id}", "no longer planned");
        return errors;
    }

    /// <summary>
    /// An availability summary up to its first parenthesis: the engine, version and backend ("TorchSharp 0.107.0,
    /// libtorch 2.7.1, cpu"). What follows says how it was made to load here (a native library patched on first use,
    /// already patched later), which changes between two starts without changing what is measured.
    /// </summary>
    private static string Identity(string summary) => summary.Split(" (", 2)[0];
}
