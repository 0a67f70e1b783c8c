using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Versus.Bench;
using Versus.Cli;
using Versus.Core.Measurement;
using Versus.Core.Planning;
using Versus.Core.Results;
using Versus.Core.Statistics;
using Versus.Core.Weights;

// Harness overhead: the TorchSharp training step and batch-1 inference of small-cnn-28, timed by a bare loop and
// through Versus (worker process, protocol, chunked sampling). Both run in fresh child processes, alternating
// A B A B in one run; the result is the ratio of medians with a bootstrap interval. Target: within 3%.
//   Versus.Bench [threads] [rounds]            the comparison
//   Versus.Bench --bare train|infer DIR ...    one bare child (internal)
if (args.Length > 0 && args[0] == "--bare")
{
    var child = await Setup(args[2], int.Parse(args[3], CultureInfo.InvariantCulture));
    var samples = args[1] == "train" ? await child.Bare.TrainAsync(64) : await child.Bare.InferAsync(3000);
    Console.WriteLine(JsonSerializer.Serialize(samples));
    return;
}

var threads = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : Environment.ProcessorCount;
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
var outDir = Directory.CreateTempSubdirectory("versus-bench-").FullName;
var setup = await Setup(outDir, threads);
var results = new Dictionary<string, (List<double> Bare, List<double> Versus)>
{
    ["training step, batch 64"] = ([], []),
    ["batch-1 inference"] = ([], []),
};
for (var round = 1; round <= rounds; round++)
{
    Console.WriteLine($"round {round}/{rounds}");
    results["training step, batch 64"].Bare.AddRange(await RunBareChild("train", outDir, threads));
    results["training step, batch 64"].Versus.AddRange(await ThroughVersus(setup.Training, MetricNames.TrainStep));
    results["batch-1 inference"].Bare.AddRange(await RunBareChild("infer", outDir, threads));
    results["batch-1 inference"].Versus.AddRange(await ThroughVersus(setup.Inference, MetricNames.LatencyBatch1));
}
foreach (var (what, (bare, versus)) in results)
{
    var b = SampleStatistics.Summarize(bare);
    var v = SampleStatistics.Summarize(versus);
    Console.WriteLine(FormattableString.Invariant(
        $"{what}: bare {b.Median:0.000} ms {IntervalText.Bracket(b, "0.000")} n={b.Count}; versus {v.Median:0.000} ms {IntervalText.Bracket(v, "0.000")} n={v.Count}; versus/bare {MedianRatio.Bootstrap(versus, bare)}"));
}
Console.WriteLine($"machine: {Versus.Core.Environments.EnvironmentProbe.Capture().CpuModel}, {threads} thread(s), {rounds} alternating rounds");

static async Task<(BareLoop Bare, MeasurementTask Training, MeasurementTask Inference)> Setup(string outDir, int threads)
{
    var workload = WorkloadCatalog.Locate().Resolve(["small-cnn-28"]).Workloads.Single();
    var profile = MeasurementProfile.Quick with { Epochs = 1, TrainCount = 2048, TestCount = 256, SteadyStateBudget = TimeSpan.FromSeconds(4), LatencyBudget = TimeSpan.FromSeconds(4) };
    var engine = EngineCatalog.Find("torchsharp")!;
    var settings = new RunSettings([engine], [workload], profile, threads, 42, null, outDir, ["small-cnn-28"]);
    var plan = await RunPlanner.PlanAsync(settings, SelfLaunch.Context(), CancellationToken.None);
    var training = plan.Measurements.Single(m => m.Task.Kind == MeasurementKind.Training).Task;
    var inference = plan.Measurements.Single(m => m.Task.Kind == MeasurementKind.Inference).Task;
    var bare = new BareLoop((Versus.Core.Engines.IInProcessEngineFactory)engine, workload, training.Data!, SafeTensorsFile.Read(training.WeightsPath!), threads, profile.WarmupDuration);
    return (bare, training, inference);
}

static async Task<List<double>> RunBareChild(string kind, string outDir, int threads)
{
    var info = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
    if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet") info.ArgumentList.Add(typeof(BareLoop).Assembly.Location);
    foreach (var a in new[] { "--bare", kind, outDir, threads.ToString(CultureInfo.InvariantCulture) }) info.ArgumentList.Add(a);
    using var process = Process.Start(info)!;
    var output = await process.StandardOutput.ReadToEndAsync();
    await process.WaitForExitAsync();
    return JsonSerializer.Deserialize<List<double>>(output.Trim().Split('\n')[^1])!;
}

static async Task<IReadOnlyList<double>> ThroughVersus(MeasurementTask task, string metric)
{
    var record = await MeasurementRunner.RunAsync(task, new MachinePeaks(), CancellationToken.None);
    if (record.Status != MeasurementStatus.Ok) throw new InvalidOperationException($"{task.Id} failed: {record.Reason}");
    return record.Metric(metric)!.Samples;
}
