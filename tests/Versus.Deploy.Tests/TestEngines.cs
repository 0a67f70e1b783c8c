using Versus.Core.Data;
using Versus.Core.Deployment;
using Versus.Core.Measurement;
using Versus.Core.Models;
using Versus.Core.Weights;
using Versus.Engines.OnnxRuntime;
using Versus.Engines.OnnxRuntime.Deployment;
using Versus.Engines.Tfjs;
using Versus.Engines.TorchSharp;
using Versus.Export.Onnx;

namespace Versus.Deploy.Tests;

/// <summary>The real engines' deployment capabilities, in the CLI catalog's order, and the helpers tests serve with.</summary>
internal static class TestEngines
{
    public static IReadOnlyList<IDeploymentCapability> Deployment { get; } =
    [
        .. new TorchSharpEngineProvider().Deployment,
        .. new TfjsEngineProvider().Deployment,
        .. new OnnxRuntimeEngineProvider().Deployment,
    ];

    public static DeploymentContext Context((ModelSpec Spec, WeightSet Weights, Dataset Data) workload, string outDirectory,
        MeasurementProfile? profile = null, IReadOnlyList<IDeploymentCapability>? capabilities = null) =>
        new(workload.Spec, workload.Weights, workload.Data, outDirectory, 2, profile ?? MeasurementProfile.Quick,
            capabilities ?? Deployment);

    /// <summary>The weights exported to ONNX untrained, with no reference logits: for tests that only serve the file.</summary>
    public static ExportedModel Exported(ModelSpec spec, WeightSet weights, string directory)
    {
        var path = Path.Combine(directory, spec.Id + ".onnx");
        OnnxExporter.ExportFile(spec, weights, path);
        return new ExportedModel(path, new FileInfo(path).Length, weights, [], 0, "none", OnnxExportOptions.DefaultOpset);
    }

    /// <summary>The weights exported to ONNX and served by ONNX Runtime, as the server probe serves the export.</summary>
    public static Task<ModelServer> ServeOnnxAsync(ModelSpec spec, WeightSet weights, int threads)
    {
        var runner = new OnnxModelRunner(OnnxExporter.ExportBytes(spec, weights), spec.Input, threads);
        return ModelServer.StartAsync(new ServedModel(runner, OnnxRuntimeEngineProvider.EngineId, spec.Input, spec.Classes), spec.Id,
            CancellationToken.None);
    }
}
