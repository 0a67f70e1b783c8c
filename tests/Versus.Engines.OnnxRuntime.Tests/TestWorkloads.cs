using Versus.Core.Data;
using Versus.Core.Engines;
using Versus.Core.Models;
using Versus.Core.Weights;
using Versus.Engines.TorchSharp;

namespace Versus.Engines.OnnxRuntime.Tests;

/// <summary>Specs, weights, data and prepared engines: the repository's workload files and small inline specs.</summary>
internal static class TestWorkloads
{
    // One thread: a busy 2-core machine makes multi-threaded kernels wait on each other; parity does not depend on it.
    public const int Threads = 1;

    /// <summary>The logits the parity contract compares: test images 0..15 (see ParityProbe).</summary>
    public static readonly int[] ProbeIndices = [.. Enumerable.Range(0, 16)];

    public static ModelSpec Spec(string workload) => workload switch
    {
        "projection" => TestSpecs.Inline(InlineSpecs.Projection),
        "many-classes" => TestSpecs.Inline(TrainingSpecs.ManyClasses),
        _ when workload.StartsWith("depth-", StringComparison.Ordinal) => TestSpecs.File("depth.json", int.Parse(workload["depth-".Length..], System.Globalization.CultureInfo.InvariantCulture)),
        _ => TestSpecs.File($"{workload}.json"),
    };

    public static WeightSet Weights(ModelSpec spec, uint seed = 7) => WeightInitializer.Create(spec, ModelAnalysis.Analyze(spec), seed);

    public static Dataset Data(ModelSpec spec, int train = 16, int test = 16, uint seed = 11) =>
        GeneratedDataset.Create(spec.Input, spec.Classes, new DataSource(DataSource.Generated, seed, train, test));

    public static OnnxRuntimeEngine OnnxRuntime(ModelSpec spec, WeightSet weights, Dataset data) =>
        (OnnxRuntimeEngine)Prepare(new OnnxRuntimeEngineProvider().Load(Threads), spec, weights, data);

    public static IEngine TorchSharp(ModelSpec spec, WeightSet weights, Dataset data) =>
        Prepare(new TorchSharpEngineProvider().Load(Threads), spec, weights, data);

    /// <summary>Largest absolute difference between two logit arrays of the same shape.</summary>
    public static double MaxAbsDifference(float[] a, float[] b)
    {
        Assert.Equal(a.Length, b.Length);
        return a.Zip(b, (x, y) => Math.Abs((double)x - y)).Max();
    }

    private static IEngine Prepare(IEngine engine, ModelSpec spec, WeightSet weights, Dataset data)
    {
        try
        {
            engine.PrepareAsync(spec, weights, data, CancellationToken.None).GetAwaiter().GetResult();
            return engine;
        }
        catch
        {
            engine.Dispose();
            throw;
        }
    }
}
