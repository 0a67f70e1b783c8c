using Versus.Core.Engines;
using Versus.Core.Results;

namespace Versus.Reports.Verdict;

/// <summary>Builds the <see cref="NativeTensorFlowCaveat"/> from the finished measurements of TensorFlow engines.</summary>
internal static class NativeTensorFlow
{
    /// <summary>The backend name tfjs-node reports when it runs on libtensorflow, TensorFlow's native kernels.</summary>
    public const string NativeBackend = "tensorflow";

    public static NativeTensorFlowCaveat Caveat(RunResults results, FamilyResolver families)
    {
        var runs = results.Measurements
            .Where(m => m.Status == MeasurementStatus.Ok && m.Kind != MeasurementKind.MachinePeak)
            .Where(m => m.EngineInfo is not null)
            .Where(m => families.OfEngine(m.Engine).Family == FrameworkFamily.TensorFlow)
            .Select(m => m.EngineInfo!)
            .Select(i => (Native: i.Backend == NativeBackend, Label: Label(i)))
            .Distinct()
            .OrderBy(r => r.Label, StringComparer.Ordinal)
            .ToList();
        var labels = runs.Select(r => r.Label).ToList();
        if (runs.Count == 0)
        {
            return new NativeTensorFlowCaveat(false, [],
                "No TensorFlow engine finished a measurement in this run, so it says nothing about TensorFlow's speed; its " +
                "TensorFlow side rests on deployment probes and cited sources only.");
        }
        var list = string.Join("; ", labels);
        if (runs.Any(r => r.Native))
        {
            var others = runs.Where(r => !r.Native).Select(r => r.Label).ToList();
            return new NativeTensorFlowCaveat(true, labels,
                $"Native TensorFlow kernels (libtensorflow, backend {NativeBackend}) ran here: {list}. " +
                (others.Count == 0
                    ? "Every TensorFlow figure is from them."
                    : $"Figures from the other TensorFlow runs ({string.Join("; ", others)}) are TensorFlow.js kernels, " +
                      "not native TensorFlow."));
        }
        return new NativeTensorFlowCaveat(false, labels,
            $"No native TensorFlow kernels ran here: every TensorFlow figure is {list}. Native TensorFlow (libtensorflow, " +
            "as tf.keras or tfjs-node use it) may be much faster, and this run says nothing about it.");
    }

    private static string Label(EngineInfo info)
    {
        var device = MeasuredComparisons.Device(info);
        return $"{Formatting.LibraryName.Of(info)}, backend {info.Backend}{(device is null ? "" : $", device {device}")}";
    }
}
