using Versus.Core.Deployment;
using Versus.Core.Engines;
using Versus.Core.Measurement;
using Versus.Core.Results;
using Versus.Engines.Tfjs;
using Versus.Engines.Tfjs.Deployment;

namespace Versus.Deploy.Tests;

/// <summary>
/// The browser probe in a real headless Chromium: the trained depth-2 model as a TensorFlow.js layers model and as the
/// ONNX file through onnxruntime-web, both served from local files; the page's logits must match TorchSharp's.
/// </summary>
public sealed class BrowserProbeTests : IDisposable
{
    private readonly string outDirectory = Directory.CreateTempSubdirectory("versus-browser-").FullName;

    public void Dispose() => Directory.Delete(outDirectory, recursive: true);

    [SkippableFact]
    public async Task Should_ReproduceTheTrainedLogitsInThePage_When_BothRuntimesLoadTheModelInChromium()
    {
        var (context, model) = await ExportedAsync();

        var records = await BrowserProbe.RunAsync(context, model, CancellationToken.None);

        Assert.Equal([TfjsBrowser.LayersModel.Engine, TfjsBrowser.OnnxRuntimeWeb.Engine], records.Select(r => r.Engine));
        // Each runtime's row is its own framework's: the layers model TensorFlow's, onnxruntime-web ONNX's.
        Assert.Equal([FrameworkFamily.TensorFlow, FrameworkFamily.Onnx], records.Select(r => r.Family));
        foreach (var record in records)
        {
            Assert.Equal(DeploymentTarget.Browser, record.Target);
            Assert.True(record.Status == DeploymentStatus.Passed, record.Evidence);
            Assert.InRange(record.Metric(MetricNames.DeployBrowserMaxDiff)!.Samples[0], 0, 1e-4);
            var latency = record.Metric(MetricNames.DeployBrowserLatency)!.Summary!;
            Assert.True(latency.Count >= 10, $"only {latency.Count} batch-1 runs in the page");
            Assert.True(latency.Median > 0);
            Assert.Contains("Chromium", latency.Count > 0 ? record.Metric(MetricNames.DeployBrowserLatency)!.Note : "", StringComparison.Ordinal);
        }
        // What a web page would load: the layers model the probe wrote.
        var folder = Path.Combine(outDirectory, "deploy", "browser-depth-2", "tfjs-layers-model");
        Assert.True(File.Exists(Path.Combine(folder, "model.json")));
        Assert.Equal(new FileInfo(Path.Combine(folder, "weights.bin")).Length + new FileInfo(Path.Combine(folder, "model.json")).Length,
            records[0].Metric(MetricNames.DeployModelSize)!.Samples[0]);
    }

    [SkippableFact]
    public async Task Should_FailTheComparison_When_ThePageDisagreesWithTheReference()
    {
        var (context, model) = await ExportedAsync();
        // A reference one logit off: what the page computes can no longer match it.
        var shifted = (float[])model.ReferenceLogits.Clone();
        shifted[3] += 1f;

        var records = await BrowserProbe.RunAsync(context, model with { ReferenceLogits = shifted }, CancellationToken.None);

        Assert.All(records, r =>
        {
            Assert.Equal(DeploymentStatus.Failed, r.Status);
            Assert.Contains("did NOT reproduce", r.Evidence, StringComparison.Ordinal);
        });
    }

    [SkippableFact]
    public async Task Should_RecordNotExercisedWithTheFix_When_ChromiumIsMissing()
    {
        var (context, model) = await ExportedAsync();
        var saved = Environment.GetEnvironmentVariable(ChromiumBrowser.ExecutableVariable);
        Environment.SetEnvironmentVariable(ChromiumBrowser.ExecutableVariable, "/nonexistent/chromium");
        try
        {
            var records = await BrowserProbe.RunAsync(context, model, CancellationToken.None);

            Assert.All(records, r =>
            {
                Assert.Equal(DeploymentStatus.NotExercised, r.Status);
                Assert.Contains("Chromium is not installed", r.Evidence, StringComparison.Ordinal);
                Assert.Contains("'chromium' package", r.Evidence, StringComparison.Ordinal);
            });
        }
        finally
        {
            Environment.SetEnvironmentVariable(ChromiumBrowser.ExecutableVariable, saved);
        }
    }

    private async Task<(DeploymentContext Context, ExportedModel Model)> ExportedAsync()
    {
        Skip.If(ChromiumBrowser.Find() is null && Environment.GetEnvironmentVariable(ChromiumBrowser.ExecutableVariable) is null,
            "Chromium is not installed here (test.sh installs Debian's 'chromium')");
        var profile = MeasurementProfile.Quick with { LatencyBudget = TimeSpan.FromSeconds(1) };
        var context = TestEngines.Context(Workloads.Depth2(), outDirectory, profile);
        var (records, model) = await InteropProbe.RunAsync(context, CancellationToken.None);
        Assert.True(model is not null, records[0].Evidence);
        return (context, model);
    }
}
