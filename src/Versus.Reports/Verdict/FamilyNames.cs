using Versus.Core.Engines;

namespace Versus.Reports.Verdict;

/// <summary>A framework family as a reader writes it ("ONNX", not the enum's "Onnx"), in the report and on the terminal alike.</summary>
public static class FamilyNames
{
    public static string Of(FrameworkFamily family) => family switch
    {
        FrameworkFamily.PyTorch => "PyTorch",
        FrameworkFamily.TensorFlow => "TensorFlow",
        _ => "ONNX",
    };

    /// <summary>"PyTorch (torchsharp (cpu))", "a tie" or "insufficient evidence": a recommendation's answer in a few words.</summary>
    public static string Answer(Recommendation r) => r.Outcome switch
    {
        RecommendationOutcome.Chosen => Of(r.Family!.Value) + (r.Engine is null ? "" : $" ({r.Engine})"),
        RecommendationOutcome.Tie => "a tie",
        _ => "insufficient evidence",
    };
}
