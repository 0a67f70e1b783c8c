using Versus.Core.Models;
using Xunit;

namespace Versus.Testing;

/// <summary>Model specs for tests, read and checked valid: a workload file of the repository, or inline JSON.</summary>
public static class TestSpecs
{
    public static ModelSpec File(string name, int? family = null) =>
        Valid(ModelSpecReader.ReadFile(Path.Combine(RepoPaths.Workloads, name), family));

    public static ModelSpec Inline(string json) => Valid(ModelSpecReader.Read(json, "inline"));

    private static ModelSpec Valid(SpecReadResult result)
    {
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        return result.Spec!;
    }
}
