using Versus.Core.Data;
using Versus.Core.Models;
using Versus.Core.Weights;

namespace Versus.Core.Engines;

/// <summary>
/// One framework running one workload inside a worker process. Lifecycle calls are async; the per-step calls are
/// synchronous on purpose, so the worker's timing loop measures the engine and not the task scheduler. Every call
/// returns only when the engine's work is complete (results materialised), so timings are honest.
/// </summary>
public interface IEngine : IDisposable
{
    EngineInfo Info { get; }

    /// <summary>Builds the model from the spec, loads the shared initial weights, takes the dataset in its own tensors.</summary>
    Task PrepareAsync(ModelSpec spec, WeightSet initialWeights, Dataset dataset, CancellationToken cancellationToken);

    /// <summary>One optimizer step on the training images at <paramref name="trainIndices"/>, in that order; returns the loss.</summary>
    double TrainStep(ReadOnlySpan<int> trainIndices);

    /// <summary>A forward pass in evaluation mode on the test images at <paramref name="testIndices"/>, output discarded.</summary>
    void Infer(ReadOnlySpan<int> testIndices);

    /// <summary>The logits (batch x classes, row-major) for the test images at <paramref name="testIndices"/>.</summary>
    float[] Predict(ReadOnlySpan<int> testIndices);

    Evaluation Evaluate(int batchSize);

    /// <summary>Back to the initial weights, running statistics and a fresh optimizer: after warm-up, before timed training.</summary>
    void Reset();

    /// <summary>The current state in canonical layout (for ONNX export and parity).</summary>
    WeightSet ExportWeights();

    /// <summary>
    /// Replaces the weights and batch-norm running statistics with <paramref name="weights"/> (canonical layout), as if
    /// prepared with them: <see cref="Reset"/> returns to them, with a fresh optimizer. Forward parity on state another
    /// engine trained goes through here, so every engine maps the same file in its own way.
    /// </summary>
    void LoadWeights(WeightSet weights);

    /// <summary>Seconds one n x n fp32 matrix product takes (engines with <see cref="EngineCapabilities.MatmulPeak"/>).</summary>
    double TimeMatmul(int n) => throw new NotSupportedException($"{Info.Id} does not measure a matrix-product peak.");
}
