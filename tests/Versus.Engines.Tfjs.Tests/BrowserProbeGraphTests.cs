using Versus.Core.Models;
using Versus.Core.Parity;
using Xunit.Abstractions;

namespace Versus.Engines.Tfjs.Tests;

/// <summary>
/// The browser deployment probe saves the graph's Keras model in the layers-model format in Node and loads it with
/// tf.loadLayersModel in headless Chromium: every custom layer must serialize, register in the page and compute the
/// same logits there (on the page's default backend) as libtorch.
/// </summary>
public sealed class BrowserProbeGraphTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Should_LoadTheSavedLayersModelInChromium_When_TheGraphUsesCustomLayers()
    {
        TfjsTestEnvironment.RequireEngine("tfjs:webgl");
        var spec = TestSpecs.Inline(GraphSpecs.CustomLayers);
        var (weights, path) = TfjsTestEnvironment.Weights(spec);
        var data = TfjsTestEnvironment.Generated(train: 8, test: 8);
        int[] indices = [.. Enumerable.Range(0, 8)];
        using var reference = new GraphReference(spec, weights, data);
        var expected = reference.Predict(indices);
        using var folder = new TempDirectory();
        var imagesPath = folder.File("images-nchw.f32");
        await File.WriteAllBytesAsync(imagesPath, System.Runtime.InteropServices.MemoryMarshal.AsBytes(reference.TestImages(indices).AsSpan()).ToArray());
        // The ONNX half of the probe is not under test: a file that is not ONNX fails only that runtime.
        var onnxPath = folder.File("not-a-model.onnx");
        await File.WriteAllTextAsync(onnxPath, "not onnx");

        var request = new BrowserDeploymentRequest(ModelSpecWriter.ToJson(spec), path, onnxPath, imagesPath, indices.Length,
            Threads: 1, WarmupMs: 10, BudgetMs: 50, MaxSamples: 3, OutDirectory: folder.Path);
        var result = await BrowserDeployment.RunAsync(request, TimeSpan.FromMinutes(3), CancellationToken.None);

        Assert.True(result.Tfjs.Ok, result.Tfjs.Error);
        var outcome = LogitComparison.Compare(new ParityProbe(indices, spec.Classes, expected),
            new ParityProbe(indices, spec.Classes, result.Tfjs.Logits!), "libtorch", $"tfjs layers model ({result.Tfjs.Backend})");
        output.WriteLine($"{spec.Id} in Chromium on {result.Tfjs.Backend}: max |tfjs - libtorch| = {outcome.MaxAbsDifference:g3}");
        Assert.True(outcome.Passed, outcome.Reason);
    }
}
