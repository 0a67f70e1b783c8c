using Versus.Core.Engines;
using Versus.Core.Results;

namespace Versus.Core.Measurement;

/// <summary>
/// The run's measured matrix-product peaks, one per engine that could time one, and the rule for which one a figure is
/// a share of: the best peak measured on the same device (same kind, same device description). A figure from a
/// software renderer gets none: its GPU API runs on the CPU, and no GPU peak describes it; a figure whose device is
/// not reported gets none either. The best, not the first, so one engine's workload does not beat another's "peak"
/// (a share still over 100% is flagged: <see cref="PeakShare.AbovePeak"/>).
/// </summary>
public sealed class MachinePeaks
{
    private readonly List<DevicePeak> peaks = [];

    public IReadOnlyList<DevicePeak> All => peaks;

    public static MachinePeaks From(IEnumerable<MeasurementRecord> measurements)
    {
        var result = new MachinePeaks();
        foreach (var m in measurements) result.Observe(m);
        return result;
    }

    /// <summary>Keeps a finished peak measurement; anything else is ignored.</summary>
    public void Observe(MeasurementRecord record)
    {
        if (record is not { Kind: MeasurementKind.MachinePeak, Status: MeasurementStatus.Ok, EngineInfo: { } engine }) return;
        if (record.Metric(MetricNames.MatmulGflops) is not { Samples.Count: > 0 } metric) return;
        var rate = Attainable(metric.Samples);
        if (rate <= 0) return;
        if (EngineDevice.KindOf(engine) is not { } kind || EngineDevice.DescriptionOf(engine) is not { } device) return;
        peaks.Add(new DevicePeak(rate, kind, device, record));
    }

    /// <summary>
    /// A peak is what the device attains, not what a call typically gets on a shared machine: the 90th percentile of the
    /// matrix-product rates at the best size (the maximum under 10 calls). Against the median, ONNX Runtime's median
    /// batch rate read 100.9% "of the peak" in a run here whose matmul calls were slowed by other work.
    /// </summary>
    public static double Attainable(IReadOnlyList<double> rates)
    {
        var sorted = rates.Order().ToArray();
        if (sorted.Length < 10) return sorted[^1];
        var position = 0.9 * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        return sorted[below] + (position - below) * (sorted[Math.Min(below + 1, sorted.Length - 1)] - sorted[below]);
    }

    /// <summary>The best peak on the device <paramref name="engine"/> ran on, or null with <see cref="WhyNone"/> to say why.</summary>
    public DevicePeak? For(EngineInfo engine)
    {
        if (EngineDevice.KindOf(engine) is not { } kind || kind == DeviceKind.SoftwareGpu) return null;
        var device = EngineDevice.DescriptionOf(engine);
        return peaks.Where(p => p.Kind == kind && p.Device == device).MaxBy(p => p.Gflops);
    }

    /// <summary>Why <see cref="For"/> found no peak for this engine's device, in one clause.</summary>
    public string WhyNone(EngineInfo engine) => EngineDevice.KindOf(engine) switch
    {
        null => "the engine did not report its device, so no peak can be matched to it",
        DeviceKind.SoftwareGpu => $"{EngineDevice.DescriptionOf(engine)} runs its GPU API on the CPU: no GPU peak applies, and a CPU peak measures other kernels",
        _ => $"no matrix-product peak was measured on {EngineDevice.DescriptionOf(engine) ?? "its device"} in this run",
    };
}
