using System.Text.Json.Serialization;

namespace Versus.Deploy;

/// <summary>POST /predict answer: one row of logits per image, in request order.</summary>
public sealed record PredictResponse([property: JsonPropertyName("logits")] IReadOnlyList<float[]> Logits);
