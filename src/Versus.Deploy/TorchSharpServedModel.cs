using Versus.Core.Data;
using Versus.Core.Engines;
using Versus.Core.Models;
using Versus.Core.Weights;
using Versus.Engines.TorchSharp;

namespace Versus.Deploy;

/// <summary>
/// The trained weights served straight from TorchSharp (libtorch) in eval mode, one module shared by every request:
/// the "serve the PyTorch model as it is" path, beside serving its ONNX export.
/// </summary>
public sealed class TorchSharpServedModel : ServedModel
{
    private readonly TorchSharpEngine engine;
    private readonly int threads;

    private TorchSharpServedModel(TorchSharpEngine engine, ModelSpec spec, WeightSet weights, int threads)
        : base(spec.Input, spec.Classes)
    {
        this.engine = engine;
        this.threads = threads;
        ModelBytes = weights.TotalElements * sizeof(float);
    }

    public static async Task<TorchSharpServedModel> LoadAsync(ModelSpec spec, WeightSet weights, Dataset data, int threads, CancellationToken cancellationToken)
    {
        var engine = (TorchSharpEngine)((IInProcessEngineFactory)new TorchSharpEngineProvider()).Load(threads);
        try
        {
            // The engine starts from the weights it is given: here the trained ones, so no training happens.
            await engine.PrepareAsync(spec, weights, data, cancellationToken);
            return new TorchSharpServedModel(engine, spec, weights, threads);
        }
        catch
        {
            engine.Dispose();
            throw;
        }
    }

    public override string Engine => TorchSharpEngineProvider.EngineId;

    public override string Description => $"ASP.NET Core minimal API (Kestrel, HTTP/1.1, JSON) + {engine.Info.Version} in eval mode ({threads} intra-op thread{(threads == 1 ? "" : "s")})";

    /// <summary>The fp32 parameters and buffers the module holds.</summary>
    public override long ModelBytes { get; }

    protected override float[] Run(float[] pixels, int count) => engine.Forward(pixels, count);

    public override void Dispose() => engine.Dispose();
}
