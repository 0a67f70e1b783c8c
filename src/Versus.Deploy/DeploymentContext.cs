using Versus.Core.Data;
using Versus.Core.Measurement;
using Versus.Core.Models;
using Versus.Core.Weights;

namespace Versus.Deploy;

/// <summary>
/// What every deployment probe of one workload shares: the run's spec, initial weights and data, the folder the exported
/// model is written to, the thread count and the measurement profile (quick runs send fewer requests).
/// </summary>
public sealed record DeploymentContext(
    ModelSpec Spec,
    WeightSet InitialWeights,
    Dataset Data,
    string OutDirectory,
    int Threads,
    MeasurementProfile Profile)
{
    // By name: "--quick --epochs 3" is still the quick profile, with only its epochs changed.
    public bool Quick => Profile.Name == MeasurementProfile.Quick.Name;
}
