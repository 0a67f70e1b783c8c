using Versus.Core.Engines;

namespace Versus.Reports.Verdict;

/// <summary>
/// FALLBACK for results written before engines and deployment records declared their framework family: the family
/// guessed from the engine id of the three engines that existed then. Everything it decides is marked as guessed
/// (<see cref="EngineSide.FamilyFromEngineName"/>); a declared family always wins, and an unknown id stays unattributed.
/// </summary>
internal static class LegacyEngineFamilies
{
    public static FrameworkFamily? FromName(string engine)
    {
        // The interop probe's "torchsharp-to-onnxruntime" exports PyTorch's model: the exporting side comes first.
        if (engine.StartsWith("torchsharp", StringComparison.Ordinal)) return FrameworkFamily.PyTorch;
        if (engine.StartsWith("tfjs", StringComparison.Ordinal)) return FrameworkFamily.TensorFlow;
        if (engine.StartsWith("onnxruntime", StringComparison.Ordinal)) return FrameworkFamily.Onnx;
        return null;
    }
}
