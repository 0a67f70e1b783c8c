using Versus.Core.Data;
using Versus.Core.Engines;
using Versus.Core.Models;
using Versus.Core.Weights;
using Versus.Engines.TorchSharp;

namespace Versus.Engines.TorchSharp.Tests;

/// <summary>Specs, data and engines for the tests: the repository's workload files and small inline specs.</summary>
internal static class TestWorkloads
{
    // One thread: on a busy 2-core machine (other builds and tests) libtorch's OpenMP workers wait on each other at every
    // kernel's barrier and a tiny step becomes ten times slower; one thread keeps the suite fast and its timing stable.
    public const int Threads = 1;

    public static WeightSet Weights(ModelSpec spec, uint seed = 7) => WeightInitializer.Create(spec, ModelAnalysis.Analyze(spec), seed);

    public static Dataset Data(ModelSpec spec, int train, int test, uint seed = 11) =>
        GeneratedDataset.Create(spec.Input, spec.Classes, new DataSource(DataSource.Generated, seed, train, test));

    public static IEngine Prepared(ModelSpec spec, WeightSet weights, Dataset data, int threads = Threads)
    {
        var engine = new TorchSharpEngineProvider().Load(threads);
        engine.PrepareAsync(spec, weights, data, CancellationToken.None).GetAwaiter().GetResult();
        return engine;
    }
}
