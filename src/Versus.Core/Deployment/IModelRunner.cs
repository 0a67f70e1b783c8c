namespace Versus.Core.Deployment;

/// <summary>
/// A loaded model that turns pixels into logits, safe to call from concurrent requests: what an engine hands the model
/// server, which owns the web stack, so no engine project needs ASP.NET Core to serve.
/// </summary>
public interface IModelRunner : IDisposable
{
    /// <summary>The engine and its settings in words, for the evidence ("ONNX Runtime CPUExecutionProvider (1 thread)").</summary>
    string Description { get; }

    /// <summary>Bytes of the model as this engine holds it.</summary>
    long ModelBytes { get; }

    /// <summary>Logits (count x classes, row-major) for <paramref name="count"/> NCHW images scaled to [0, 1].</summary>
    float[] Run(float[] pixels, int count);
}
