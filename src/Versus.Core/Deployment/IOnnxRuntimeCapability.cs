using Versus.Core.Models;

namespace Versus.Core.Deployment;

/// <summary>A runtime that loads an ONNX file someone else exported: the other end of the interop round trip.</summary>
public interface IOnnxRuntimeCapability : IDeploymentCapability
{
    /// <summary>The engine id, the second half of the interop record's engine ("onnxruntime").</summary>
    string Engine { get; }

    /// <summary>The framework whose deployment path this exercises: every record it yields carries it.</summary>
    Engines.FrameworkFamily Family { get; }

    /// <summary>The runtime in the evidence's words ("ONNX Runtime").</summary>
    string Name { get; }

    /// <summary>Loads <paramref name="onnxPath"/> and returns its logits for <paramref name="count"/> NCHW images.</summary>
    Task<float[]> RunAsync(string onnxPath, ActivationShape image, float[] pixels, int count, int threads,
        CancellationToken cancellationToken);
}
