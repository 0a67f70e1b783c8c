using System.Diagnostics;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Onnx;
using Versus.Core.Parity;
using Versus.Core.Randomness;
using Versus.Export.Onnx;

namespace Versus.Import.Onnx.RoundTrip;

/// <summary>
/// Checks an import before it is measured: the original .onnx file (in inference form, <see cref="InferenceForm"/>)
/// and Versus' own export of the imported spec and weights run in ONNX Runtime on the same generated images; every
/// image's logits must agree within the run's parity rule (<see cref="LogitComparison"/>), else the workload is refused
/// with the max difference.
/// </summary>
public static class ImportRoundTrip
{
    public const int DefaultImages = 2;

    public static RoundTripResult Check(string originalPath, ImportedModel model, int images = DefaultImages, uint seed = 1)
    {
        var watch = Stopwatch.StartNew();
        var batch = model.FixedBatch ?? images;
        byte[] exported;
        try
        {
            exported = OnnxExporter.ExportBytes(model.Spec, model.Weights);
        }
        catch (OnnxExportException e)
        {
            return new RoundTripResult(false, null, LogitComparison.AbsoluteTolerance, 0, $"Versus' ONNX export cannot write the imported graph ({e.Message})", watch.Elapsed);
        }
        var original = InferenceForm.Of(ModelProto.Parser.ParseFrom(File.ReadAllBytes(originalPath))).ToByteArray();
        var input = Images(model, batch, seed);
        float[] expected, actual;
        try
        {
            expected = Run(original, input);
            actual = Run(exported, input);
        }
        catch (OnnxRuntimeException e)
        {
            return new RoundTripResult(false, null, LogitComparison.AbsoluteTolerance, 0, $"ONNX Runtime failed ({e.Message.Split('\n')[0]})", watch.Elapsed);
        }
        var indices = Enumerable.Range(0, batch).ToArray();
        var outcome = LogitComparison.Compare(new ParityProbe(indices, model.Spec.Classes, expected), new ParityProbe(indices, model.Spec.Classes, actual),
            "the original", "the imported model");
        return new RoundTripResult(outcome.Passed, outcome.MaxAbsDifference, outcome.Tolerance, batch,
            outcome.Passed ? null : $"the imported model does not reproduce the original's outputs in ONNX Runtime: {outcome.Reason}", watch.Elapsed);
    }

    /// <summary>Uniform [0, 1) pixels, as every engine feeds images, from the test-data stream of the seed.</summary>
    private static DenseTensor<float> Images(ImportedModel model, int batch, uint seed)
    {
        var shape = model.Spec.Input;
        var random = new PortableRandom(seed, PortableRandom.StreamTestData);
        var data = new float[batch * shape.Elements];
        for (var i = 0; i < data.Length; i++) data[i] = (float)random.NextDouble();
        return new DenseTensor<float>(data, [batch, shape.Channels, shape.Height, shape.Width]);
    }

    private static float[] Run(byte[] modelBytes, DenseTensor<float> input)
    {
        using var options = new SessionOptions { IntraOpNumThreads = Math.Max(1, Environment.ProcessorCount), GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        using var session = new InferenceSession(modelBytes, options);
        var inputName = session.InputMetadata.Keys.Single();
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(inputName, input)]);
        return [.. results.First().AsEnumerable<float>()];
    }
}
