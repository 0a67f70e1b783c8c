using Versus.Core.Models;

namespace Versus.Core.Deployment;

/// <summary>A runtime that runs the exported model on a small device's budget (the edge target's stand-in here).</summary>
public interface IEdgeCapability : IDeploymentCapability
{
    /// <summary>The engine id the edge record names ("onnxruntime").</summary>
    string Engine { get; }

    /// <summary>The framework whose deployment path this exercises: every record it yields carries it.</summary>
    Engines.FrameworkFamily Family { get; }

    /// <summary>The runtime in the evidence's words ("ONNX Runtime").</summary>
    string Name { get; }

    /// <summary>Loads the exported model with <paramref name="threads"/> intra-op threads and binds one input batch.</summary>
    Task<IPreparedInference> PrepareAsync(ExportedModel model, ActivationShape image, float[] pixels, int count, int threads,
        CancellationToken cancellationToken);
}
