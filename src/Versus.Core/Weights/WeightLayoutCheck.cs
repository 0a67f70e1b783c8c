using Versus.Core.Models;
using Versus.Core.Validation;

namespace Versus.Core.Weights;

/// <summary>Whether a weight file belongs to a spec: exactly the spec's parameters, in its canonical order and shapes.</summary>
public static class WeightLayoutCheck
{
    public static IReadOnlyList<ValidationError> Check(ModelAnalysis analysis, WeightSet weights, string source)
    {
        var expected = analysis.ParameterLayout;
        for (var i = 0; i < Math.Max(expected.Count, weights.Tensors.Count); i++)
        {
            if (i >= weights.Tensors.Count)
                return [new ValidationError(source, "", $"has {weights.Tensors.Count} tensors but the spec needs {expected.Count}; the first missing is '{expected[i].Name}'")];
            if (i >= expected.Count)
                return [new ValidationError(source, "", $"has tensor '{weights.Tensors[i].Name}' that the spec does not use (it needs {expected.Count} tensors)")];
            var (want, have) = (expected[i], weights.Tensors[i]);
            if (want.Name != have.Name || !want.Shape.SequenceEqual(have.Shape))
                return [new ValidationError(source, "", $"has tensor {i} '{have.Name}' [{string.Join(", ", have.Shape)}] where the spec needs '{want.Name}' [{string.Join(", ", want.Shape)}]")];
        }
        return [];
    }
}
