using Versus.Core.Deployment;

namespace Versus.Engines.TorchSharp.Deployment;

/// <summary>
/// The trained weights served straight from TorchSharp (libtorch) in eval mode, one module shared by every request:
/// the "serve the PyTorch model as it is" path, beside serving its ONNX export.
/// </summary>
public sealed class TorchSharpModelRunner(TorchSharpEngine engine, long modelBytes, int threads) : IModelRunner
{
    public string Description =>
        $"{engine.Info.Version} in eval mode ({threads} intra-op thread{(threads == 1 ? "" : "s")})";

    /// <summary>The fp32 parameters and buffers the module holds.</summary>
    public long ModelBytes => modelBytes;

    public float[] Run(float[] pixels, int count) => engine.Forward(pixels, count);

    public void Dispose() => engine.Dispose();
}
