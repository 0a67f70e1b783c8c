using Versus.Core.Models;
using Versus.Core.Randomness;

namespace Versus.Core.Weights;

/// <summary>
/// Initial weights computed by Versus, not by an engine's initialiser, so every engine starts from the same numbers.
/// Conv and linear weights: He (Kaiming) uniform, bound sqrt(6 / fan_in); biases: uniform, bound 1 / sqrt(fan_in)
/// (PyTorch's default for biases); batch norm: scale 1, shift 0, running mean 0, running variance 1.
/// Values are drawn in canonical parameter order from <see cref="PortableRandom.StreamWeights"/>.
/// </summary>
public static class WeightInitializer
{
    public static WeightSet Create(ModelSpec spec, ModelAnalysis analysis, uint seed)
    {
        var random = new PortableRandom(seed, PortableRandom.StreamWeights);
        var tensors = new List<NamedTensor>(analysis.ParameterLayout.Count);
        foreach (var p in analysis.ParameterLayout)
        {
            var data = new float[p.Elements];
            switch (p.Role)
            {
                case ParameterRole.ConvWeight or ParameterRole.LinearWeight:
                    Fill(data, random, Math.Sqrt(6.0 / p.FanIn));
                    break;
                case ParameterRole.Bias:
                    Fill(data, random, 1.0 / Math.Sqrt(p.FanIn));
                    break;
                case ParameterRole.NormScale or ParameterRole.RunningVariance:
                    Array.Fill(data, 1f);
                    break;
            }
            tensors.Add(new NamedTensor(p.Name, p.Shape, data));
        }
        var metadata = new Dictionary<string, string>
        {
            ["format"] = "versus-canonical-v1",
            ["layout"] = "NCHW activations, OIHW conv weights, [out,in] linear weights",
            ["workload"] = spec.Id,
            ["seed"] = seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["initializer"] = "he-uniform weights, uniform(1/sqrt(fan_in)) biases",
        };
        return new WeightSet(tensors, metadata);
    }

    private static void Fill(float[] data, PortableRandom random, double bound)
    {
        for (var i = 0; i < data.Length; i++)
            data[i] = (float)((2 * random.NextDouble() - 1) * bound);
    }
}
