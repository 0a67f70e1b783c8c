using Versus.Core.Data;
using Versus.Core.Models;
using Versus.Core.Weights;

namespace Versus.Deploy.Tests;

/// <summary>A small real workload (depth-2 from the repository) with its shared weights and generated data.</summary>
internal static class Workloads
{
    public static (ModelSpec Spec, WeightSet Weights, Dataset Data) Depth2(int test = 16)
    {
        var spec = TestSpecs.File("depth.json", 2);
        var weights = WeightInitializer.Create(spec, ModelAnalysis.Analyze(spec), 7);
        var data = GeneratedDataset.Create(spec.Input, spec.Classes, new DataSource(DataSource.Generated, 11, 8, test));
        return (spec, weights, data);
    }

    /// <summary>small-cnn-28 as the run would have it: weights from seed 42, generated data of the quick profile's shape.</summary>
    public static (ModelSpec Spec, WeightSet Weights, Dataset Data) SmallCnn28(int train = 256, int test = 64)
    {
        var spec = TestSpecs.File("small-cnn-28.json");
        var weights = WeightInitializer.Create(spec, ModelAnalysis.Analyze(spec), 42);
        var data = GeneratedDataset.Create(spec.Input, spec.Classes, new DataSource(DataSource.Generated, 42, train, test));
        return (spec, weights, data);
    }
}
