namespace Versus.Core.Deployment;

/// <summary>An engine that trains a model and exports what it trained to ONNX: one end of the interop round trip.</summary>
public interface IOnnxExportCapability : IDeploymentCapability
{
    /// <summary>The engine id, the first half of the interop record's engine ("torchsharp" in "torchsharp-to-onnxruntime").</summary>
    string Engine { get; }

    /// <summary>The framework whose deployment path this exercises: every record it yields carries it.</summary>
    Engines.FrameworkFamily Family { get; }

    /// <summary>The engine in the evidence's words ("TorchSharp").</summary>
    string Name { get; }

    /// <summary>
    /// Trains, exports and keeps the reference logits. <paramref name="stage"/> hears each stage as it starts ("training
    /// in TorchSharp"), so a failure's record can say where it happened; failures are thrown.
    /// </summary>
    Task<ExportedModel> ExportAsync(OnnxExportInput input, Action<string> stage, CancellationToken cancellationToken);
}
