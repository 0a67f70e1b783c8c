using System.Globalization;
using Versus.Core.Engines;
using Versus.Core.Results;
using Versus.Core.Statistics;
using Versus.Reports.Analysis;

namespace Versus.Reports.Verdict;

/// <summary>
/// The run's engine comparisons that set a PyTorch-side engine against a TensorFlow-side one, as evidence, each marked
/// with how rubric 1 uses it. With <c>creditOnnx</c>, an ONNX runtime counts on the side of the framework whose model
/// it ran (deployment questions); without, only engines of the two frameworks count (the performance score).
/// </summary>
internal static class MeasuredComparisons
{
    public static IReadOnlyList<MeasuredEvidence> From(RunResults results, IReadOnlyList<EngineComparison> comparisons,
        FamilyResolver families, bool creditOnnx)
    {
        var evidence = new List<MeasuredEvidence>();
        foreach (var c in comparisons)
        {
            if (Side(results, families, c, c.FasterEngine, c.Faster, creditOnnx) is not { } faster) continue;
            if (Side(results, families, c, c.SlowerEngine, c.Slower, creditOnnx) is not { } slower) continue;
            if (faster.Family == slower.Family) continue;
            var parity = Parity(results, c);
            var use = parity == ParityStatus.Failed ? ComparisonUse.ExcludedParityFailed
                : !c.HasInterval ? ComparisonUse.ExcludedNoInterval
                : c.IsClear ? ComparisonUse.Counted
                : ComparisonUse.Tie;
            var log2 = Math.Log2(c.Ratio.Ratio);
            double? advantage = use switch
            {
                ComparisonUse.Counted => faster.Family == FrameworkFamily.PyTorch ? log2 : -log2,
                ComparisonUse.Tie => 0,
                _ => null,
            };
            var baseId = $"measured.{c.Workload}.{c.Metric}.{c.Faster}.vs.{c.Slower}".Replace(' ', '-');
            var id = baseId;
            for (var n = 2; evidence.Any(e => e.Id == id); n++) id = $"{baseId}.{n}";
            evidence.Add(new MeasuredEvidence(id, Statement(c, faster, slower, parity, use), c.Workload, c.Kind, c.Metric,
                faster, slower, c.Ratio, c.HasInterval, parity, use, advantage));
        }
        return evidence;
    }

    private static EngineSide? Side(RunResults results, FamilyResolver families, EngineComparison c, string engine,
        string label, bool creditOnnx)
    {
        var (family, fromName) = families.OfEngine(engine);
        var throughOnnx = false;
        if (family == FrameworkFamily.Onnx)
        {
            if (!creditOnnx || families.OnnxSource is null) return null;
            (family, throughOnnx) = (families.OnnxSource, true);
        }
        if (family is not (FrameworkFamily.PyTorch or FrameworkFamily.TensorFlow)) return null;
        var info = Info(results, c, engine, label);
        return new EngineSide(label, family.Value, info?.Backend, info is not null && EngineDevice.KindOf(info) == DeviceKind.Cpu ? null : Device(info),
            fromName, throughOnnx);
    }

    /// <summary>The engine as it ran this measurement; with two backends of one engine, the one the label names.</summary>
    private static EngineInfo? Info(RunResults results, EngineComparison c, string engine, string label)
    {
        var candidates = results.Measurements
            .Where(m => m.Engine == engine && m.Workload == c.Workload && m.Kind == c.Kind)
            .Where(m => m.Status == MeasurementStatus.Ok)
            .Select(m => m.EngineInfo).OfType<EngineInfo>().ToList();
        return candidates.Count == 1 ? candidates[0] : candidates.FirstOrDefault(i => $"{engine} ({i.Backend})" == label);
    }

    /// <summary>"llvmpipe (software-gpu)" from the worker's details; absent in results written before devices were recorded.</summary>
    internal static string? Device(EngineInfo? info)
    {
        if (info is null) return null;
        info.Details.TryGetValue("device", out var device);
        info.Details.TryGetValue("deviceKind", out var kind);
        return (device, kind) switch
        {
            (null, null) => null,
            ({ } d, null) => d,
            (null, { } k) => k,
            ({ } d, { } k) => d == k ? d : $"{d} ({k})",
        };
    }

    private static ParityStatus Parity(RunResults results, EngineComparison c)
    {
        var checks = (results.Parity ?? []).Where(p => p.Workload == c.Workload &&
            ((p.EngineA == c.FasterEngine && p.EngineB == c.SlowerEngine) ||
             (p.EngineA == c.SlowerEngine && p.EngineB == c.FasterEngine)))
            .ToList();
        if (checks.Count == 0) return ParityStatus.NotChecked;
        return checks.All(p => p.Passed) ? ParityStatus.Passed : ParityStatus.Failed;
    }

    private static string Statement(EngineComparison c, EngineSide faster, EngineSide slower, ParityStatus parity,
        ComparisonUse use)
    {
        var onnx = faster.ThroughOnnx || slower.ThroughOnnx
            ? " An ONNX runtime counts for the framework whose model it ran."
            : "";
        var parityText = parity switch
        {
            ParityStatus.Passed => "parity passed",
            ParityStatus.Failed => "parity FAILED",
            _ => "parity not checked",
        };
        var useText = use switch
        {
            ComparisonUse.Counted => "counted",
            ComparisonUse.Tie => "its interval includes 1, so it counts as a tie",
            ComparisonUse.ExcludedParityFailed => "left out because the two engines did not compute the same thing",
            _ => $"left out because a side has fewer than {IntervalRule.MinimumSamples} samples, so there is no interval",
        };
        var interval = c.Ratio.HasInterval ? ", 95% bootstrap interval" : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"On {c.Workload}, {faster.Family} {faster.Label} was {c.Ratio.Ratio:0.00}x faster than {slower.Family} " +
            $"{slower.Label} in {MetricWords.Of(c.Metric)} (ratio {c.Ratio}{interval}); {parityText}; " +
            $"{useText}.{onnx}");
    }
}
