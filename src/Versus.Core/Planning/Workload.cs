using Versus.Core.Models;
using Versus.Core.Weights;

namespace Versus.Core.Planning;

/// <summary>A resolved workload: its spec and analysis, ready to plan.</summary>
public sealed record Workload(ModelSpec Spec, ModelAnalysis Analysis)
{
    public string Id => Spec.Id;

    /// <summary>
    /// Weights every engine starts from, when the workload brings its own (an imported model, or a spec with its
    /// .safetensors beside it); null: Versus computes them from the run's seed (<see cref="WeightInitializer"/>).
    /// </summary>
    public WeightSet? InitialWeights { get; init; }

    /// <summary>The run's initial weights for this workload: its own, else the seeded initialisation.</summary>
    public WeightSet WeightsFor(uint seed) => InitialWeights ?? WeightInitializer.Create(Spec, Analysis, seed);
}
