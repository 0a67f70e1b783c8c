using Versus.Core.Deployment;
using Versus.Core.Engines;
using Versus.Export.Onnx;

namespace Versus.Engines.TorchSharp.Deployment;

/// <summary>
/// "Prototype in PyTorch, deploy via ONNX", the PyTorch half: TorchSharp trains a few steps from the run's initial
/// weights, its weights are exported to an .onnx file, and its own logits on the first test images become the
/// reference every deployed copy must reproduce.
/// </summary>
public sealed class TorchSharpOnnxExport(TorchSharpEngineProvider provider) : IOnnxExportCapability
{
    public string Engine => TorchSharpEngineProvider.EngineId;

    public string Name => "TorchSharp";

    public FrameworkFamily Family => FrameworkFamily.PyTorch;

    public async Task<ExportedModel> ExportAsync(OnnxExportInput input, Action<string> stage, CancellationToken cancellationToken)
    {
        stage($"loading {Name}");
        using var torch = provider.Load(input.Threads);
        stage($"preparing the workload in {Name}");
        await torch.PrepareAsync(input.Spec, input.InitialWeights, input.Data, cancellationToken);
        stage($"training in {Name}");
        Train(torch, input);
        cancellationToken.ThrowIfCancellationRequested();

        stage("exporting to ONNX");
        var weights = torch.ExportWeights();
        OnnxExporter.ExportFile(input.Spec, weights, input.Path);
        var bytes = new FileInfo(input.Path).Length;

        stage("comparing logits");
        var reference = torch.Predict([.. Enumerable.Range(0, input.ReferenceImages)]);
        return new ExportedModel(input.Path, bytes, weights, reference, input.ReferenceImages, Name, OnnxExportOptions.DefaultOpset);
    }

    private static void Train(IEngine torch, OnnxExportInput input)
    {
        var batch = input.Spec.Training.BatchSize;
        var train = input.Data.Train.Count;
        if (train == 0) throw new InvalidOperationException("the dataset has no training images");
        var indices = new int[batch];
        for (var step = 0; step < input.Steps; step++)
        {
            for (var i = 0; i < batch; i++) indices[i] = (step * batch + i) % train;
            torch.TrainStep(indices);
        }
    }
}
