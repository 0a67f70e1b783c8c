namespace Versus.Core.Results;

/// <summary>What a warm-up prepared: the timed phase that followed it.</summary>
public enum WarmupPhase
{
    /// <summary>Batch-1 forward passes, before warm latency.</summary>
    Latency,

    /// <summary>Forward passes at the throughput batch, before throughput.</summary>
    Throughput,

    /// <summary>Optimizer steps at the training batch (then the engine is reset to the initial weights).</summary>
    Training,

    /// <summary>Matrix products of one size, before the peak is timed at that size.</summary>
    Matmul,
}
