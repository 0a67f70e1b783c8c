using Json.Schema;
using Versus.Core.Parity;
using Versus.Core.Results;
using Xunit.Abstractions;

namespace Versus.Cli.Tests;

/// <summary>
/// A real run at small scale (the CLI as a user starts it, real engines, depth-16 only): forward parity is probed from
/// the initial weights and from the state TorchSharp reached after 16 training steps, which ONNX Runtime loaded too;
/// the trained-state logits are in a realistic range, every check says which state it used, and the file still meets
/// the published schema.
/// </summary>
public sealed class TrainedParityRunTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Should_CheckForwardParityOnTrainedState_When_ARunMeasuresDepth16()
    {
        var outDirectory = Path.Combine(temp.Path, "run");
        var run = await VersusProcess.RunAsync(TimeSpan.FromMinutes(15), "run", "--engines", "torchsharp,onnxruntime",
            "--workloads", "depth-16", "--quick", "--no-deploy", "--threads", "1", "--train-images", "1024", "--test-images", "64",
            "--out", outDirectory, "--db", Path.Combine(temp.Path, "results.db"));
        Assert.True(run.ExitCode is 0 or 1, $"exit {run.ExitCode}: {run.Stderr}");
        var json = File.ReadAllText(Path.Combine(outDirectory, "results.json"));
        var results = ResultsJson.Deserialize<RunResults>(json);

        var inference = results.Measurements.Where(m => m.Kind == MeasurementKind.Inference).ToList();
        Assert.All(inference, m => Assert.True(m.Status == MeasurementStatus.Ok, $"{m.Engine}: {m.Reason}"));
        Assert.Equal(2, inference.Count);
        var trained = ParityWeights.Trained(16, "torchsharp");
        foreach (var m in inference)
        {
            var initial = m.Probe!.Logits.Max(v => Math.Abs(v));
            var after = m.TrainedProbe!.Logits.Max(v => Math.Abs(v));
            output.WriteLine($"{m.Engine} depth-16: max |logit| {initial:G4} from the initial weights, {after:G4} after 16 steps");
            Assert.Equal(ParityWeights.Initial, m.Probe.Weights);
            Assert.Equal(trained, m.TrainedProbe.Weights);
            Assert.Null(m.TrainedProbe.Problem);
            Assert.All(m.TrainedProbe.Logits, v => Assert.True(float.IsFinite(v)));
            // A realistic range, and a state that differs from the initial one (else the probe would prove nothing new).
            Assert.InRange(after, 0.1, 100);
            Assert.NotEqual(m.Probe.Logits, m.TrainedProbe.Logits);
        }
        var forward = results.Parity!.Where(c => c.Kind == ParityKind.Forward).ToList();
        Assert.Equal([ParityRegime.Initial, ParityRegime.Trained], forward.Select(c => c.Weights!.Regime).Order());
        Assert.All(forward, c => Assert.True(c.Passed, $"{c.Weights}: {c.Reason}"));
        Assert.Contains("after 16 training steps in torchsharp", forward.Single(c => c.Weights!.Regime == ParityRegime.Trained).Method);
        Assert.True(File.Exists(Path.Combine(outDirectory, "weights", "depth-16.trained.safetensors")));
        Assert.Contains("after 16 training steps in torchsharp", File.ReadAllText(Path.Combine(outDirectory, "report.md")));
        var evaluation = JsonSchema.FromFile(RepoPaths.SchemaFile, new BuildOptions { SchemaRegistry = new SchemaRegistry() }).Evaluate(System.Text.Json.JsonDocument.Parse(json).RootElement,
            new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(evaluation.IsValid, string.Join("\n", (evaluation.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }
}
