using Versus.Core.Planning;
using Versus.Core.Validation;
using Versus.Import.Onnx.RoundTrip;

namespace Versus.Import.Onnx;

/// <summary>
/// "--workloads model.onnx": the imported graph spec with the file's weights as every engine's initial weights, taken
/// only after the round trip reproduces the original's outputs in ONNX Runtime (else refused with the max difference).
/// </summary>
public sealed class OnnxWorkloadImporter : IWorkloadImporter
{
    public string Extension => OnnxImporter.Extension;

    public (Workload? Workload, IReadOnlyList<ValidationError> Errors) Import(string path)
    {
        var (model, errors) = OnnxImporter.TryImport(path);
        if (model is null) return (null, errors);
        var roundTrip = ImportRoundTrip.Check(path, model);
        if (!roundTrip.Passed) return (null, [new ValidationError(path, "", roundTrip.Summary)]);
        return (new Workload(model.Spec, model.Analysis) { InitialWeights = model.Weights }, []);
    }
}
