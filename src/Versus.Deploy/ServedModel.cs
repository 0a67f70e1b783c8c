using Versus.Core.Deployment;
using Versus.Core.Models;

namespace Versus.Deploy;

/// <summary>
/// One model behind the server, shared by every request: checks a request against the model's input and hands the
/// pixels to the engine's <see cref="IModelRunner"/>, which runs them safely from concurrent requests.
/// </summary>
public sealed class ServedModel(IModelRunner runner, string engine, ActivationShape image, int classes) : IDisposable
{
    private const string WebStack = "ASP.NET Core minimal API (Kestrel, HTTP/1.1, JSON)";

    /// <summary>The engine id the server runs on (a deployment record's engine).</summary>
    public string Engine => engine;

    /// <summary>What serves, in words, for the evidence: the web stack and the engine with its settings.</summary>
    public string Description => $"{WebStack} + {runner.Description}";

    /// <summary>Bytes of the model as this engine loads it.</summary>
    public long ModelBytes => runner.ModelBytes;

    public int PixelsPerImage => (int)image.Elements;

    public int Classes => classes;

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
        var flat = runner.Run(input, images.Count);
        var logits = new float[images.Count][];
        for (var n = 0; n < images.Count; n++) logits[n] = flat.AsSpan(n * classes, classes).ToArray();
        return (logits, null);
    }

    public void Dispose() => runner.Dispose();
}
