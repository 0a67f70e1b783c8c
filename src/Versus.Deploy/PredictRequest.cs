using System.Text.Json.Serialization;

namespace Versus.Deploy;

/// <summary>POST /predict body: images as rows of C x H x W float32 pixels in [0, 1] (NCHW order, as the model takes them).</summary>
public sealed record PredictRequest([property: JsonPropertyName("images")] IReadOnlyList<float[]> Images);
