using Microsoft.ML.OnnxRuntime;
using Versus.Core.Deployment;
using Versus.Core.Engines;
using Versus.Core.Models;
using Versus.Export.Onnx;

namespace Versus.Engines.OnnxRuntime.Deployment;

/// <summary>ONNX Runtime loading a file another engine exported: the interop round trip's second half.</summary>
public sealed class OnnxRuntimeInterop : IOnnxRuntimeCapability
{
    public string Engine => OnnxRuntimeEngineProvider.EngineId;

    public string Name => "ONNX Runtime";

    public FrameworkFamily Family => FrameworkFamily.Onnx;

    public Task<float[]> RunAsync(string onnxPath, ActivationShape image, float[] pixels, int count, int threads,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var options = new SessionSettings(threads).Create();
        using var session = new InferenceSession(onnxPath, options);
        using var value = OrtValue.CreateTensorValueFromMemory(pixels, [count, image.Channels, image.Height, image.Width]);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, [OnnxExportOptions.Default.InputName], [value],
            [OnnxExportOptions.Default.OutputName]);
        return Task.FromResult(outputs[0].GetTensorDataAsSpan<float>().ToArray());
    }
}
