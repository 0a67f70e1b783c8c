using Json.Schema;
using Versus.Core.Results;
using Versus.Store;

namespace Versus.Cli.Tests;

/// <summary>"versus deploy --quick" end to end: the real probes on small-cnn-28, written, stored and reported like a run.</summary>
public sealed class DeployCommandTests
{
    [Fact]
    public async Task Should_WriteSchemaValidResultsWithEveryTarget_When_DeployRunsQuickOnSmallCnn28()
    {
        using var temp = new TempDirectory();
        var outDirectory = temp.File("out");
        var database = temp.File("results.db");

        var run = await VersusProcess.RunAsync(TimeSpan.FromMinutes(6), "deploy", "--quick", "--workloads", "small-cnn-28", "--out", outDirectory, "--db", database);

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}\nstderr:\n{run.Stderr}\nstdout:\n{run.Stdout}");
        var json = File.ReadAllText(Path.Combine(outDirectory, "results.json"));
        // A registry of its own: the schema's $id is already registered globally by QuickRunTests in this process.
        var schema = JsonSchema.FromFile(RepoPaths.SchemaFile, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        using (var document = System.Text.Json.JsonDocument.Parse(json))
        {
            var evaluation = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            Assert.True(evaluation.IsValid, string.Join("\n", (evaluation.Details ?? []).Where(d => d.Errors is not null)
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
        }

        var results = ResultsJson.Deserialize<RunResults>(json);
        var deployment = results.Deployment!;
        Assert.Equal("completed", results.Status);
        Assert.Empty(results.Measurements);
        Assert.Equal(Enum.GetValues<DeploymentTarget>().Order(), deployment.Select(r => r.Target).Distinct().Order());
        Assert.Equal(DeploymentStatus.Passed, deployment.Single(r => r.Target == DeploymentTarget.OnnxInterop).Status);
        // Served from both .NET engines: the ONNX export on ONNX Runtime and the trained module on TorchSharp.
        var servers = deployment.Where(r => r.Target == DeploymentTarget.Server).ToDictionary(r => r.Engine);
        // In the engine catalog's order, then the engines that said why they cannot serve here.
        Assert.Equal(["torchsharp", "onnxruntime", "tfjs (Node)"], servers.Keys);
        foreach (var server in new[] { servers["onnxruntime"], servers["torchsharp"] })
        {
            Assert.True(server.Status == DeploymentStatus.Passed, server.Evidence);
            // The quick profile sends 200 requests per level: too few for a p99, which is withheld and says so.
            Assert.Contains("p99 withheld", server.Evidence, StringComparison.Ordinal);
            Assert.Equal(200, server.Metric(MetricNames.DeployServer(32, "latency"))!.Summary!.Count);
        }
        Assert.Equal(DeploymentStatus.NotExercised, servers["tfjs (Node)"].Status);
        // Every row says whose deployment path it exercised: probes from the engine's capability, cited rows from the fact.
        Assert.Equal(Versus.Core.Engines.FrameworkFamily.PyTorch, servers["torchsharp"].Family);
        Assert.Equal(Versus.Core.Engines.FrameworkFamily.Onnx, servers["onnxruntime"].Family);
        Assert.Equal(Versus.Core.Engines.FrameworkFamily.TensorFlow, servers["tfjs (Node)"].Family);
        Assert.All(deployment, r => Assert.True(r.Family is not null, $"{r.Target} {r.Engine} has no family"));
        Assert.All(deployment.Where(r => r.Target is DeploymentTarget.Mobile or DeploymentTarget.Tpu), r =>
        {
            Assert.Equal(DeploymentStatus.Cited, r.Status);
            Assert.False(string.IsNullOrEmpty(r.Source));
        });
        // Chromium is installed by test.sh: both browser runtimes ran in the page and matched TorchSharp.
        var browser = deployment.Where(r => r.Target == DeploymentTarget.Browser).ToList();
        Assert.Equal(2, browser.Count);
        Assert.All(browser, r => Assert.True(r.Status == DeploymentStatus.Passed, r.Evidence));
        Assert.True(File.Exists(Path.Combine(outDirectory, "deploy", "small-cnn-28.onnx")));
        Assert.Contains("Serving over HTTP on loopback", File.ReadAllText(Path.Combine(outDirectory, "report.md")), StringComparison.Ordinal);
        await using var store = await SqliteResultStore.OpenAsync(database);
        var stored = (await store.LoadRunAsync(results.RunId))!;
        Assert.Equal("completed", stored.Status);
        // Every record results.json has is in the store too, committed as it arrived.
        Assert.Equal(deployment.Select(ResultsJson.Serialize), stored.Deployment!.Select(ResultsJson.Serialize));
    }

    [Fact]
    public async Task Should_ProbeWithTheRealImages_When_GivenAnIdxFolder()
    {
        const string fashion = "/usr/share/datasets/fashion-mnist";
        Assert.True(Directory.Exists(fashion), $"{fashion} is missing: test.sh installs Debian's dataset-fashion-mnist");
        using var temp = new TempDirectory();
        var outDirectory = temp.File("out");

        // Real images, fewer of them: every probe (the browser's too) reads the test set, and on a loaded 2-core machine
        // all 10,000 pushed the run past its limit. The counts are what --data's loader is asked for, not a sample of it.
        var run = await VersusProcess.RunAsync(TimeSpan.FromMinutes(6), "deploy", "--quick", "--workloads", "depth-2", "--data", fashion,
            "--train-images", "4096", "--test-images", "1024", "--out", outDirectory, "--db", temp.File("results.db"));

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}\nstderr:\n{run.Stderr}\nstdout:\n{run.Stdout}");
        var results = ResultsJson.Deserialize<RunResults>(File.ReadAllText(Path.Combine(outDirectory, "results.json")));
        Assert.Equal(fashion, results.Options.Data);
        var interop = results.Deployment!.Single(r => r.Target == DeploymentTarget.OnnxInterop);
        Assert.True(interop.Status == DeploymentStatus.Passed, interop.Evidence);
        var request = File.ReadAllText(Path.Combine(outDirectory, "deploy", "depth-2-request.json"));
        Assert.Contains("\"kind\": \"idx\"", request, StringComparison.Ordinal);
    }
}
