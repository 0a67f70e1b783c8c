using Versus.Core.Deployment;
using Versus.Core.Engines;

namespace Versus.Engines.TorchSharp.Deployment;

/// <summary>TorchSharp behind the model server: the trained module itself, not its export.</summary>
public sealed class TorchSharpServing(TorchSharpEngineProvider provider) : IServingCapability
{
    public string Engine => TorchSharpEngineProvider.EngineId;

    public FrameworkFamily Family => FrameworkFamily.PyTorch;

    public async Task<IModelRunner> LoadAsync(ServingInput input, CancellationToken cancellationToken)
    {
        var engine = (TorchSharpEngine)provider.Load(input.Threads);
        try
        {
            // The engine starts from the weights it is given: here the trained ones, so no training happens.
            await engine.PrepareAsync(input.Spec, input.Model.Weights, input.Data, cancellationToken);
            return new TorchSharpModelRunner(engine, input.Model.Weights.TotalElements * sizeof(float), input.Threads);
        }
        catch
        {
            engine.Dispose();
            throw;
        }
    }
}
