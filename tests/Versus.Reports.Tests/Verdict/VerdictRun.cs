using Versus.Core.Engines;
using Versus.Core.Environments;
using Versus.Core.Parity;
using Versus.Core.Results;
using Versus.Core.Statistics;

namespace Versus.Reports.Tests.Verdict;

/// <summary>
/// Hand-made evidence for the verdict: engines "alpha" (PyTorch), "beta" (TensorFlow, webgl on a software GPU) and
/// "gamma" (ONNX), so nothing depends on real engine ids. Samples are eleven values around an exact median (9, 9.2, ...
/// 10, ... 11), enough for an interval (<see cref="IntervalRule.MinimumSamples"/>), so every ratio of medians is known by
/// hand and its bootstrap interval stays between the extremes' ratios.
/// </summary>
internal sealed class VerdictRun
{
    public const string PyTorchEngine = "alpha";
    public const string TensorFlowEngine = "beta";
    public const string OnnxEngine = "gamma";

    public static readonly EngineInfo Alpha =
        new(PyTorchEngine, "AlphaTorch", "2.10.0", "cpu", "dotnet 10.0.1", 2, new Dictionary<string, string>());

    public static readonly EngineInfo Beta = new(TensorFlowEngine, "TensorFlow.js", "4.22.0", "webgl", "node 20.19.2", 2,
        new Dictionary<string, string> { ["device"] = "llvmpipe", ["deviceKind"] = "software-gpu" });

    public static readonly EngineInfo Gamma =
        new(OnnxEngine, "ONNX Runtime", "1.31.1", "cpu", "dotnet 10.0.1", 2, new Dictionary<string, string>());

    private readonly List<MeasurementRecord> measurements = [];
    private readonly List<ParityCheck> parity = [];
    private readonly List<DeploymentRecord> deployment = [];
    private readonly List<EngineRecord> engines =
    [
        new(PyTorchEngine, true, "ready", null, FrameworkFamily.PyTorch),
        new(TensorFlowEngine, true, "ready", null, FrameworkFamily.TensorFlow),
        new(OnnxEngine, true, "ready", null, FrameworkFamily.Onnx),
    ];

    /// <summary>Eleven samples with this exact median: median x 0.9, x 0.92, ... x 1, ... x 1.1.</summary>
    public static double[] Around(double median) => [.. Enumerable.Range(-5, 11).Select(k => median * (1 + k * 0.02))];

    public VerdictRun Training(string engine, EngineInfo info, string workload, params double[] stepMs) =>
        Add(engine, info, workload, MeasurementKind.Training, MetricRecord.From(MetricNames.TrainStep, "ms", stepMs));

    public VerdictRun Latency(string engine, EngineInfo info, string workload, params double[] latencyMs) =>
        Add(engine, info, workload, MeasurementKind.Inference, MetricRecord.From(MetricNames.LatencyBatch1, "ms", latencyMs));

    public VerdictRun Parity(string workload, string a, string b, bool passed)
    {
        parity.Add(new ParityCheck(workload, a, b, ParityKind.Forward, passed ? 1e-6 : 0.3, 1e-4, passed, 100, "hand-made"));
        return this;
    }

    public VerdictRun Probe(DeploymentTarget target, string engine, DeploymentStatus status, FrameworkFamily? family,
        string? maxDiffMetric = null, double maxDiff = 0)
    {
        IReadOnlyList<MetricRecord> metrics =
            maxDiffMetric is null ? [] : [MetricRecord.Single(maxDiffMetric, "logit", maxDiff)];
        deployment.Add(new DeploymentRecord(target, engine, "small-cnn-28", status, $"{engine} {status} on {target}.", metrics,
            null, family));
        return this;
    }

    /// <summary>Engines as results written before engines declared a family record them.</summary>
    public VerdictRun WithEngines(params EngineRecord[] records)
    {
        engines.Clear();
        engines.AddRange(records);
        return this;
    }

    /// <summary>The probes a full run of this machine makes (issue 8): interop, browser both ways, edge, server.</summary>
    public VerdictRun TypicalProbes() => this
        .Probe(DeploymentTarget.OnnxInterop, "alpha-to-gamma", DeploymentStatus.Passed, FrameworkFamily.PyTorch,
            MetricNames.DeployInteropMaxDiff, 2e-7)
        .Probe(DeploymentTarget.Browser, "beta-layers-model (Chromium)", DeploymentStatus.Passed, FrameworkFamily.TensorFlow,
            MetricNames.DeployBrowserMaxDiff, 5e-7)
        .Probe(DeploymentTarget.Browser, "gamma-web (Chromium, wasm)", DeploymentStatus.Passed, FrameworkFamily.Onnx,
            MetricNames.DeployBrowserMaxDiff, 1e-6)
        .Probe(DeploymentTarget.Edge, OnnxEngine, DeploymentStatus.Passed, FrameworkFamily.Onnx)
        .Probe(DeploymentTarget.Server, PyTorchEngine, DeploymentStatus.Passed, FrameworkFamily.PyTorch)
        .Probe(DeploymentTarget.Server, "beta (Node)", DeploymentStatus.NotExercised, FrameworkFamily.TensorFlow);

    public RunResults Build()
    {
        var start = SampleRun.Start;
        var environment = new EnvironmentInfo("bench-01", "Debian GNU/Linux 12", "6.1.0", "X64", "Xeon", ["avx2"], 2, 1,
            8L << 30, 6L << 30, "10.0.1", "0.1.0");
        var options = new RunOptionsRecord([.. engines.Select(e => e.Id)], ["small-cnn-28", "depth-2"], false, null, 2,
            "generated", 7, 0.02, 30);
        return new RunResults(RunResults.CurrentSchemaVersion, "verdict-run", start, start.AddMinutes(5), "completed", options,
            environment, [.. engines], [], [.. measurements], SampleSummary.IntervalMethod, [.. parity], [.. deployment]);
    }

    private VerdictRun Add(string engine, EngineInfo info, string workload, MeasurementKind kind, MetricRecord metric)
    {
        measurements.Add(new MeasurementRecord($"{engine}-{workload}-{kind}", engine, info, workload, kind,
            MeasurementStatus.Ok, null, StopReason.PlannedWork, SampleRun.Start, SampleRun.Start.AddSeconds(30), null, "generated", [metric], []));
        return this;
    }
}
