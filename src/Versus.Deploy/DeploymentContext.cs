using Versus.Core.Data;
using Versus.Core.Deployment;
using Versus.Core.Measurement;
using Versus.Core.Models;
using Versus.Core.Results;
using Versus.Core.Weights;

namespace Versus.Deploy;

/// <summary>
/// What every deployment probe of one workload shares: the run's spec, initial weights and data, the folder the exported
/// model is written to, the thread count, the measurement profile (quick runs send fewer requests) and every registered
/// engine's deployment capabilities, which the probes take by kind and never by engine name.
/// </summary>
public sealed record DeploymentContext(
    ModelSpec Spec,
    WeightSet InitialWeights,
    Dataset Data,
    string OutDirectory,
    int Threads,
    MeasurementProfile Profile,
    IReadOnlyList<IDeploymentCapability> Capabilities)
{
    // By name: "--quick --epochs 3" is still the quick profile, with only its epochs changed.
    public bool Quick => Profile.Name == MeasurementProfile.Quick.Name;

    /// <summary>The registered capabilities of one kind, in registration order.</summary>
    public IReadOnlyList<T> Offered<T>() where T : IDeploymentCapability => [.. Capabilities.OfType<T>()];

    /// <summary>A not-exercised row for every engine that declared it cannot reach <paramref name="target"/> here.</summary>
    public IEnumerable<DeploymentRecord> Gaps(DeploymentTarget target) =>
        Offered<DeploymentGap>().Where(g => g.Target == target).Select(g =>
            new DeploymentRecord(target, g.Engine, Spec.Id, DeploymentStatus.NotExercised, g.Reason, [], Family: g.Family));
}
