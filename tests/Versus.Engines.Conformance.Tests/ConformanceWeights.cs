using Versus.Core.Models;
using Versus.Core.Weights;

namespace Versus.Engines.Conformance.Tests;

/// <summary>
/// The shared initial weights, except batch norm: its statistics and affine parameters are moved away from the identity
/// (mean 0, variance 1, scale 1, shift 0) so an engine that ignores or misreads any of them is caught in evaluation mode.
/// </summary>
internal static class ConformanceWeights
{
    public static WeightSet Create(ModelSpec spec, uint seed = 7)
    {
        var analysis = ModelAnalysis.Analyze(spec);
        var layout = analysis.ParameterLayout.ToDictionary(p => p.Name, p => p.Role, StringComparer.Ordinal);
        var weights = WeightInitializer.Create(spec, analysis, seed);
        return weights with { Tensors = [.. weights.Tensors.Select(t => Perturb(t, layout[t.Name]))] };
    }

    private static NamedTensor Perturb(NamedTensor t, ParameterRole role)
    {
        Func<int, float>? value = role switch
        {
            ParameterRole.RunningMean => i => 0.2f * MathF.Sin(i + 1),
            ParameterRole.RunningVariance => i => 0.5f + MathF.Cos(i) * MathF.Cos(i),
            ParameterRole.NormScale => i => 1 + 0.3f * MathF.Sin(2 * i + 1),
            ParameterRole.NormShift => i => 0.1f * MathF.Cos(3 * i),
            _ => null,
        };
        return value is null ? t : t with { Data = [.. Enumerable.Range(0, t.Data.Length).Select(value)] };
    }
}
