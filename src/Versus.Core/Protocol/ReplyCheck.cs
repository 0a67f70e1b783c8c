using System.Text.Json.Nodes;

namespace Versus.Core.Protocol;

/// <summary>
/// What the protocol forbids in a well-typed reply: a timing that is NaN, infinite or negative, an accuracy outside
/// [0, 1], a count below zero. Deserialisation only proves the shape; these values would otherwise reach the statistics
/// and poison a median. Losses and logits may be non-finite: the training driver reports a diverged loss, parity a
/// non-finite logit, each with its own reason.
/// </summary>
public static class ReplyCheck
{
    /// <summary>The first problem with <paramref name="result"/>, or null when it is acceptable.</summary>
    public static string? Problem(object result) => result switch
    {
        HelloResult r => Finite("mainEnteredUnixMs", r.MainEnteredUnixMs) ?? Duration("engineLoadMs", r.EngineLoadMs),
        PrepareResult r => Duration("dataMs", r.DataMs) ?? Duration("buildMs", r.BuildMs)
            ?? (r.TrainCount < 0 || r.TestCount < 0 ? $"negative image counts (train {r.TrainCount}, test {r.TestCount})" : null),
        TrainResult r => Durations("stepMs", r.StepMs),
        EvaluateResult r => (r.Accuracy is >= 0 and <= 1 ? null : $"accuracy {r.Accuracy} outside [0, 1]")
            ?? Finite("loss", r.Loss) ?? Duration("ms", r.Ms),
        TimingsResult r => Durations("ms", r.Ms),
        PredictResult r => Duration("ms", r.Ms),
        _ => null,
    };

    /// <summary>
    /// JavaScript's JSON.stringify writes a NaN loss as null: read a null loss as the NaN it was, so that a diverged
    /// training is reported as divergence at its step rather than as a protocol break.
    /// </summary>
    public static void NullLossesAsNaN(JsonNode result)
    {
        if (result is not JsonObject { } obj || obj["losses"] is not JsonArray losses) return;
        for (var i = 0; i < losses.Count; i++)
            if (losses[i] is null) losses[i] = JsonValue.Create("NaN");
    }

    private static string? Finite(string name, double value) => double.IsFinite(value) ? null : $"{name} is {value}, not a finite number";

    private static string? Duration(string name, double value) =>
        Finite(name, value) ?? (value < 0 ? $"{name} is negative ({value})" : null);

    private static string? Durations(string name, double[] values)
    {
        for (var i = 0; i < values.Length; i++)
            if (Duration($"{name}[{i}]", values[i]) is { } problem) return problem;
        return null;
    }
}
