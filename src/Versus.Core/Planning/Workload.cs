using Versus.Core.Models;

namespace Versus.Core.Planning;

/// <summary>A resolved workload: its spec and analysis, ready to plan.</summary>
public sealed record Workload(ModelSpec Spec, ModelAnalysis Analysis)
{
    public string Id => Spec.Id;
}
