using Versus.Core.Models;

namespace Versus.Deploy;

/// <summary>
/// One model behind the server, shared by every request: checks a request against the model's input and hands the
/// pixels to the engine. Subclasses run them on one engine, safely from concurrent requests.
/// </summary>
public abstract class ServedModel(ActivationShape image, int classes) : IDisposable
{
    /// <summary>The engine id the server runs on (a deployment record's engine).</summary>
    public abstract string Engine { get; }

    /// <summary>What serves, in words, for the evidence: the web stack and the engine with its settings.</summary>
    public abstract string Description { get; }

    /// <summary>Bytes of the model as this engine loads it.</summary>
    public abstract long ModelBytes { get; }

    public int PixelsPerImage => (int)image.Elements;

    public int Classes => classes;

    protected ActivationShape Image => image;

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
        var flat = Run(input, images.Count);
        var logits = new float[images.Count][];
        for (var n = 0; n < images.Count; n++) logits[n] = flat.AsSpan(n * classes, classes).ToArray();
        return (logits, null);
    }

    /// <summary>The engine's logits for <paramref name="count"/> images, N x classes.</summary>
    protected abstract float[] Run(float[] pixels, int count);

    public abstract void Dispose();
}
