using Microsoft.ML.OnnxRuntime;

namespace Versus.Engines.OnnxRuntime;

/// <summary>
/// How every session of the engine is configured, in one place so the details reported in the engine info are the
/// options actually applied. Sequential execution: the exported networks are chains, so an inter-op pool would only
/// add threads competing with the intra-op pool for the same cores.
/// </summary>
public sealed record SessionSettings(int IntraOpThreads)
{
    public const string ExecutionProvider = "CPUExecutionProvider";

    public int InterOpThreads => 1;

    public GraphOptimizationLevel OptimizationLevel => GraphOptimizationLevel.ORT_ENABLE_ALL;

    public ExecutionMode ExecutionMode => ExecutionMode.ORT_SEQUENTIAL;

    /// <summary>New options for one session; the caller disposes them once the session exists.</summary>
    public SessionOptions Create() => new()
    {
        IntraOpNumThreads = IntraOpThreads,
        InterOpNumThreads = InterOpThreads,
        GraphOptimizationLevel = OptimizationLevel,
        ExecutionMode = ExecutionMode,
    };
}
