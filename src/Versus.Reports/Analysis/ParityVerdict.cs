using Versus.Core.Parity;
using Versus.Core.Results;

namespace Versus.Reports.Analysis;

/// <summary>Whether a comparison between two engines on a workload stands on proven parity, and the words for it.</summary>
internal static class ParityVerdict
{
    public static ParityStatus Status(RunResults results, string workload, string engineA, string engineB)
    {
        var checks = Checks(results, workload, engineA, engineB);
        return checks.Count == 0 ? ParityStatus.NotChecked : checks.All(c => c.Passed) ? ParityStatus.Passed : ParityStatus.Failed;
    }

    public static string For(RunResults results, string workload, string engineA, string engineB)
    {
        var checks = Checks(results, workload, engineA, engineB);
        if (checks.Count == 0) return "not checked";
        var failed = checks.Where(c => !c.Passed).ToList();
        return failed.Count == 0
            ? "parity passed"
            : "INVALID: " + string.Join("; ", failed.Select(c => $"{Name(c)} failed ({Why(c)})"));
    }

    private static List<ParityCheck> Checks(RunResults results, string workload, string engineA, string engineB) =>
        [.. (results.Parity ?? []).Where(c => c.Workload == workload &&
            ((c.EngineA == engineA && c.EngineB == engineB) || (c.EngineA == engineB && c.EngineB == engineA)))];

    /// <summary>The check's own reason, or for a check written before reasons were recorded its figures.</summary>
    public static string Why(ParityCheck check) =>
        check.Reason ?? $"max |diff| {check.MaxAbsDifference:G3} > {check.Tolerance:G3}";

    public static string Kind(ParityKind kind) => kind == ParityKind.Forward ? "forward" : "training-loss";

    /// <summary>"forward parity", or "forward parity on the state after 16 training steps in torchsharp".</summary>
    public static string Name(ParityCheck check) => check.Weights is { Regime: ParityRegime.Trained } trained
        ? $"{Kind(check.Kind)} parity on {trained}"
        : $"{Kind(check.Kind)} parity";

    /// <summary>Which weights the check's values came from, in a table cell's words.</summary>
    public static string State(ParityCheck check) => check.Weights is { Regime: ParityRegime.Trained } trained
        ? $"after {trained.Steps} training steps in {trained.TrainedBy}"
        : check.Kind == ParityKind.Forward ? "initial" : "initial, then each engine's own steps";
}
