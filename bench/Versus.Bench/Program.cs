using System.Globalization;
using Versus.Bench;
using Versus.Cli;
using Versus.Core.Measurement;
using Versus.Core.Planning;
using Versus.Core.Results;
using Versus.Core.Statistics;
using Versus.Core.Weights;
using Versus.Engines.TorchSharp;

// Harness overhead: the TorchSharp training step and batch-1 inference of small-cnn-28, timed in a bare in-process
// loop and through Versus (worker process, protocol, chunked sampling), alternating A B A B in one run, reported as
// ratios of medians with bootstrap intervals. Target: Versus within 3% of the bare loop.
var threads = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : Environment.ProcessorCount;
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2;
var catalog = WorkloadCatalog.Locate();
var workload = catalog.Resolve(["small-cnn-28"]).Workloads.Single();
var outDir = Directory.CreateTempSubdirectory("versus-bench-").FullName;
var profile = MeasurementProfile.Quick with { Epochs = 1, TrainCount = 2048, TestCount = 256, SteadyStateBudget = TimeSpan.FromSeconds(4), LatencyBudget = TimeSpan.FromSeconds(4) };
var engine = (TorchSharpEngineProvider)EngineCatalog.Find("torchsharp")!;
var settings = new RunSettings([engine], [workload], profile, threads, 42, null, outDir, ["small-cnn-28"]);
var plan = await RunPlanner.PlanAsync(settings, SelfLaunch.Context(), CancellationToken.None);
var training = plan.Measurements.Single(m => m.Task.Kind == MeasurementKind.Training).Task;
var inference = plan.Measurements.Single(m => m.Task.Kind == MeasurementKind.Inference).Task;

var bare = new BareLoop(engine, workload, training.Data!, SafeTensorsFile.Read(training.WeightsPath!), threads);
var bareSteps = new List<double>();
var bareLatency = new List<double>();
var versusSteps = new List<double>();
var versusLatency = new List<double>();
for (var round = 0; round < rounds; round++)
{
    Console.WriteLine($"round {round + 1}/{rounds}: bare loop ...");
    var (steps, latency) = await bare.MeasureAsync(trainSteps: 64, inferIterations: 3000);
    bareSteps.AddRange(steps);
    bareLatency.AddRange(latency);

    Console.WriteLine($"round {round + 1}/{rounds}: through Versus ...");
    var trained = await MeasurementRunner.RunAsync(training, null, CancellationToken.None);
    var inferred = await MeasurementRunner.RunAsync(inference, null, CancellationToken.None);
    if (trained.Status != MeasurementStatus.Ok || inferred.Status != MeasurementStatus.Ok)
        throw new InvalidOperationException($"measurement failed: {trained.Reason} {inferred.Reason}");
    versusSteps.AddRange(trained.Metric(MetricNames.TrainStep)!.Samples);
    versusLatency.AddRange(inferred.Metric(MetricNames.LatencyBatch1)!.Samples);
}

Report("training step, batch 64", bareSteps, versusSteps);
Report("batch-1 inference", bareLatency, versusLatency);
Console.WriteLine($"machine: {Versus.Core.Environments.EnvironmentProbe.Capture().CpuModel}, {threads} thread(s), {rounds} alternating rounds");

static void Report(string what, List<double> bare, List<double> versus)
{
    var b = SampleStatistics.Summarize(bare);
    var v = SampleStatistics.Summarize(versus);
    var ratio = MedianRatio.Bootstrap(versus, bare);
    Console.WriteLine(FormattableString.Invariant(
        $"{what}: bare {b.Median:0.000} ms [{b.Ci95Low:0.000}-{b.Ci95High:0.000}] n={b.Count}; versus {v.Median:0.000} ms [{v.Ci95Low:0.000}-{v.Ci95High:0.000}] n={v.Count}; versus/bare {ratio}"));
}
