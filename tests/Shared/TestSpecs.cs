using Versus.Core.Models;
using Xunit;

namespace Versus.Testing;

/// <summary>Model specs for tests, read and checked valid: a workload file of the repository, or inline JSON.</summary>
public static class TestSpecs
{
    /// <summary>
    /// A network a worker builds in a moment (layers.0, a 4x1x3x3 convolution, and layers.3, a 10x676 linear layer,
    /// each with a bias), for tests of what surrounds the measuring: scripted workers, hostile files, faults.
    /// </summary>
    public const string Tiny = """
        {"id":"tiny","input":{"channels":1,"height":28,"width":28},"classes":10,
         "training":{"optimizer":"sgd","learningRate":0.05,"momentum":0.9,"batchSize":32,"epochs":1},
         "layers":[{"type":"conv2d","out":4,"kernel":3,"stride":2},{"type":"relu"},{"type":"flatten"},{"type":"linear","out":10}]}
        """;

    public static ModelSpec File(string name, int? family = null) =>
        Valid(ModelSpecReader.ReadFile(Path.Combine(RepoPaths.Workloads, name), family));

    public static ModelSpec Inline(string json) => Valid(ModelSpecReader.Read(json, "inline"));

    private static ModelSpec Valid(SpecReadResult result)
    {
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        return result.Spec!;
    }
}
