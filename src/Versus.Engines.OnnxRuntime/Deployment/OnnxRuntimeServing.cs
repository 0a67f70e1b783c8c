using Versus.Core.Deployment;
using Versus.Core.Engines;

namespace Versus.Engines.OnnxRuntime.Deployment;

/// <summary>ONNX Runtime behind the model server: the exported file, as a deployment would ship it.</summary>
public sealed class OnnxRuntimeServing : IServingCapability
{
    public string Engine => OnnxRuntimeEngineProvider.EngineId;

    public FrameworkFamily Family => FrameworkFamily.Onnx;

    public async Task<IModelRunner> LoadAsync(ServingInput input, CancellationToken cancellationToken)
    {
        var model = await File.ReadAllBytesAsync(input.Model.Path, cancellationToken);
        return new OnnxModelRunner(model, input.Spec.Input, input.Threads);
    }
}
