using Versus.Core.Results;

namespace Versus.Reports.Verdict;

/// <summary>
/// The run's deployment probes as evidence, each credited to the framework whose model it deployed. Rows with status
/// cited are the deck's own scores copied into results.json: the verdict sets the deck beside its scores instead.
/// </summary>
internal static class ExercisedProbes
{
    public static IReadOnlyList<ExercisedEvidence> From(RunResults results, FamilyResolver families)
    {
        var evidence = new List<ExercisedEvidence>();
        foreach (var record in (results.Deployment ?? []).Where(r => r.Status != DeploymentStatus.Cited))
        {
            var (family, fromName, throughOnnx) = families.OfRecord(record);
            var maxDiff = (record.Metric(MetricNames.DeployInteropMaxDiff) ?? record.Metric(MetricNames.DeployBrowserMaxDiff))
                ?.Samples.FirstOrDefault();
            var credit = family is null
                ? "credited to no framework"
                : throughOnnx ? $"credited to {family}, whose trained model it ran through ONNX" : $"credited to {family}";
            var guess = fromName ? " (framework guessed from the engine id: results written before records named one)" : "";
            var status = record.Status switch
            {
                DeploymentStatus.Passed => "passed",
                DeploymentStatus.Failed => "failed",
                _ => "not exercised",
            };
            var statement = $"The {TargetWords.Probe(record.Target)} with {record.Engine} on {record.Workload} {status} " +
                $"here, {credit}{guess}: {record.Evidence}";
            var id = $"exercised.{record.Target}.{record.Engine}.{record.Workload}".ToLowerInvariant().Replace(' ', '-');
            evidence.Add(new ExercisedEvidence(Unique(id, evidence), family, statement, record.Target, record.Engine,
                record.Workload, record.Status, maxDiff, throughOnnx, fromName));
        }
        return evidence;
    }

    private static string Unique(string id, List<ExercisedEvidence> taken)
    {
        var candidate = id;
        for (var n = 2; taken.Any(e => e.Id == candidate); n++) candidate = $"{id}.{n}";
        return candidate;
    }
}
