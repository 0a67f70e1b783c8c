using Microsoft.ML.OnnxRuntime;
using Versus.Core.Models;
using Versus.Engines.OnnxRuntime;
using Versus.Export.Onnx;

namespace Versus.Deploy;

/// <summary>
/// One exported model behind one ONNX Runtime session, shared by every request: InferenceSession.Run is thread-safe,
/// and one session keeps a single copy of the weights however many requests are in flight.
/// </summary>
internal sealed class ServedModel : IDisposable
{
    private readonly InferenceSession session;
    // OrtRun takes the run options as const: one instance serves concurrent requests.
    private readonly RunOptions runOptions = new();
    private readonly string[] inputNames = [OnnxExportOptions.Default.InputName];
    private readonly string[] outputNames = [OnnxExportOptions.Default.OutputName];
    private readonly ActivationShape image;
    private readonly int classes;

    public ServedModel(byte[] model, ActivationShape image, int classes, int threads)
    {
        using var options = new SessionSettings(threads).Create();
        session = new InferenceSession(model, options);
        this.image = image;
        this.classes = classes;
    }

    public int PixelsPerImage => (int)image.Elements;

    /// <summary>Logits per image, or null with the reason when the request does not fit the model.</summary>
    public (float[][]? Logits, string? Problem) Predict(PredictRequest? request)
    {
        if (request?.Images is not { Count: > 0 } images) return (null, "the body needs \"images\": a non-empty array of pixel arrays");
        for (var n = 0; n < images.Count; n++)
        {
            if (images[n]?.Length != PixelsPerImage)
                return (null, $"image {n} has {images[n]?.Length ?? 0} values; the model takes {image} = {PixelsPerImage} float pixels in [0, 1], NCHW");
        }
        var input = new float[images.Count * PixelsPerImage];
        for (var n = 0; n < images.Count; n++) images[n].CopyTo(input, n * PixelsPerImage);
        using var value = OrtValue.CreateTensorValueFromMemory(input, [images.Count, image.Channels, image.Height, image.Width]);
        using var outputs = session.Run(runOptions, inputNames, [value], outputNames);
        var flat = outputs[0].GetTensorDataAsSpan<float>();
        var logits = new float[images.Count][];
        for (var n = 0; n < images.Count; n++) logits[n] = flat.Slice(n * classes, classes).ToArray();
        return (logits, null);
    }

    public void Dispose()
    {
        session.Dispose();
        runOptions.Dispose();
    }
}
