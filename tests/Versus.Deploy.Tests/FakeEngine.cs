using System.Globalization;
using Versus.Core.Deployment;
using Versus.Core.Engines;
using Versus.Core.Models;
using Versus.Core.Results;

namespace Versus.Deploy.Tests;

/// <summary>
/// A fourth engine that exists only in these tests: a fixed model (logit c of an image = (c + 1) x its mean pixel)
/// offering every deployment capability, plus an edge variant it cannot produce. No probe names it: if its rows appear,
/// they came from its capabilities. Its "ONNX file" holds the class count as text, enough for its runtime to read back;
/// the rest take the class count from the spec, so they also deploy a real engine's export.
/// </summary>
internal static class FakeEngine
{
    public const string Id = "fake";
    public const FrameworkFamily Family = FrameworkFamily.TensorFlow;
    public const string Int8Reason = "Not exercised: the fake engine has no int8 variant.";

    public static IReadOnlyList<IDeploymentCapability> Deployment { get; } =
    [
        new Exporter(), new Runtime(), new Serving(), new Edge(), new Browser(),
        new DeploymentGap(DeploymentTarget.Edge, Id + "-int8", Family, Int8Reason),
    ];

    /// <summary>The fixed model's logits for <paramref name="count"/> images of <paramref name="pixels"/> each.</summary>
    public static float[] Logits(ReadOnlySpan<float> images, int count, int classes)
    {
        var pixels = images.Length / count;
        var logits = new float[count * classes];
        for (var n = 0; n < count; n++)
        {
            var mean = 0f;
            foreach (var p in images.Slice(n * pixels, pixels)) mean += p / pixels;
            for (var c = 0; c < classes; c++) logits[n * classes + c] = mean * (c + 1);
        }
        return logits;
    }

    private static int ReadClasses(string path) => int.Parse(File.ReadAllText(path), CultureInfo.InvariantCulture);

    private sealed class Exporter : IOnnxExportCapability
    {
        public string Engine => Id;

        public string Name => "Fake";

        public FrameworkFamily Family => FakeEngine.Family;

        public async Task<ExportedModel> ExportAsync(OnnxExportInput input, Action<string> stage, CancellationToken cancellationToken)
        {
            stage("writing the fake file");
            await File.WriteAllTextAsync(input.Path, input.Spec.Classes.ToString(CultureInfo.InvariantCulture), cancellationToken);
            var pixels = input.Data.PixelsPerImage;
            var images = new float[input.ReferenceImages * pixels];
            for (var i = 0; i < images.Length; i++) images[i] = input.Data.Test.Pixels[i] / 255f;
            var reference = Logits(images, input.ReferenceImages, input.Spec.Classes);
            var bytes = new FileInfo(input.Path).Length;
            return new ExportedModel(input.Path, bytes, input.InitialWeights, reference, input.ReferenceImages, Name, Opset: 17);
        }
    }

    private sealed class Runtime : IOnnxRuntimeCapability
    {
        public string Engine => Id;

        public string Name => "Fake Runtime";

        public FrameworkFamily Family => FakeEngine.Family;

        public Task<float[]> RunAsync(string onnxPath, ActivationShape image, float[] pixels, int count, int threads,
            CancellationToken cancellationToken) => Task.FromResult(Logits(pixels, count, ReadClasses(onnxPath)));
    }

    private sealed class Serving : IServingCapability
    {
        public string Engine => Id;

        public FrameworkFamily Family => FakeEngine.Family;

        public Task<IModelRunner> LoadAsync(ServingInput input, CancellationToken cancellationToken) =>
            Task.FromResult<IModelRunner>(new Runner(input.Spec.Classes));
    }

    private sealed class Runner(int classes) : IModelRunner
    {
        public string Description => "the fake engine";

        public long ModelBytes => sizeof(int);

        public float[] Run(float[] pixels, int count) => Logits(pixels, count, classes);

        public void Dispose()
        {
        }
    }

    private sealed class Edge : IEdgeCapability
    {
        public string Engine => Id;

        public string Name => "Fake Runtime";

        public FrameworkFamily Family => FakeEngine.Family;

        public Task<IPreparedInference> PrepareAsync(ExportedModel model, ActivationShape image, float[] pixels, int count, int threads,
            CancellationToken cancellationToken) => Task.FromResult<IPreparedInference>(new Prepared(pixels, count, Classes: 10));
    }

    private sealed class Prepared(float[] pixels, int count, int Classes) : IPreparedInference
    {
        public void Run() => Logits(pixels, count, Classes);

        public void Dispose()
        {
        }
    }

    private sealed class Browser : IBrowserCapability
    {
        public static BrowserRuntime Page { get; } = new(Id + " (page)", FakeEngine.Family);

        public IReadOnlyList<BrowserRuntime> Runtimes => [Page];

        public Task<string?> WhyUnavailableAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);

        public Task<BrowserRun> RunAsync(BrowserInput input, TimeSpan timeout, CancellationToken cancellationToken)
        {
            var logits = Logits(input.Images, input.Count, input.Spec.Classes);
            var run = new BrowserRuntimeRun(Page, Ok: true, Error: null, "Fake Runtime", "cpu", Renderer: null, Threads: 1, LoadMs: 1,
                logits, [.. Enumerable.Repeat(0.5, 20)], "the fake file", input.Model.Bytes, "the fake file");
            return Task.FromResult(new BrowserRun("Fake Browser 1.0", [run]));
        }
    }
}
