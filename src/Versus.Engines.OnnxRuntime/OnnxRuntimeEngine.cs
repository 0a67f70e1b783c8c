using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using Versus.Core.Data;
using Versus.Core.Engines;
using Versus.Core.Models;
using Versus.Core.Weights;
using Versus.Export.Onnx;

namespace Versus.Engines.OnnxRuntime;

/// <summary>
/// ONNX Runtime on the workload exported to ONNX. Preparing exports the spec and weights in memory and creates the
/// session, so the model build time includes both, as it would for a deployment. Inference only: the weights are
/// frozen into the graph, so <see cref="Reset"/> has nothing to undo and <see cref="TrainStep"/> is refused.
/// </summary>
public sealed class OnnxRuntimeEngine : IEngine
{
    private readonly SessionSettings settings;
    private readonly Dictionary<int, BatchBinding> bindings = [];
    private readonly MatmulTimer matmul;
    private InferenceSession? session;
    private RunOptions? runOptions;
    private ModelSpec? spec;
    private WeightSet? weights;
    private float[] testPixels = [];
    private int[] testLabels = [];
    private bool disposed;

    internal OnnxRuntimeEngine(EngineInfo info, SessionSettings settings)
    {
        Info = info;
        this.settings = settings;
        matmul = new MatmulTimer(settings);
    }

    /// <summary>What <see cref="OnnxRuntimeEngineProvider.Load"/> recorded, plus the dtype its session reports once prepared.</summary>
    public EngineInfo Info { get; private set; }

    /// <summary>Milliseconds the last prepare spent writing the ONNX model, and creating the session from it.</summary>
    public (double ExportMs, double SessionMs) LastBuild { get; private set; }

    /// <summary>Size of the exported model in bytes (weights included).</summary>
    public long ModelBytes { get; private set; }

    public Task PrepareAsync(ModelSpec spec, WeightSet initialWeights, Dataset dataset, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        if (dataset.ImageShape != spec.Input || dataset.Classes != spec.Classes)
            throw new ArgumentException($"The dataset ({dataset.ImageShape}, {dataset.Classes} classes) does not fit workload {spec.Id} ({spec.Input}, {spec.Classes} classes).", nameof(dataset));
        ReleaseWorkload();
        Build(spec, initialWeights, cancellationToken);
        // Pixels are scaled once, as x / 255 in float32 like the other engines, so a timed call only copies them.
        testPixels = new float[dataset.Test.Pixels.Length];
        for (var i = 0; i < testPixels.Length; i++) testPixels[i] = dataset.Test.Pixels[i] / 255f;
        testLabels = [.. dataset.Test.Labels];
        return Task.CompletedTask;
    }

    /// <summary>The weights are frozen into the graph, so new ones are a new export and a new session.</summary>
    public void LoadWeights(WeightSet weights)
    {
        var (_, activeSpec) = Prepared();
        // Exported before the running session is let go: a file that does not fit the spec leaves the engine as it was.
        var clock = Stopwatch.StartNew();
        var model = OnnxExporter.ExportBytes(activeSpec, weights);
        var exportMs = clock.Elapsed.TotalMilliseconds;
        ReleaseSession();
        Start(activeSpec, weights, model, exportMs);
    }

    public double TrainStep(ReadOnlySpan<int> trainIndices) =>
        throw new NotSupportedException("The onnxruntime engine serves an exported model and does not train; train with torchsharp or tfjs.");

    public void Infer(ReadOnlySpan<int> testIndices) => RunOn(testIndices);

    public float[] Predict(ReadOnlySpan<int> testIndices) => RunOn(testIndices).Output.ToArray();

    public Evaluation Evaluate(int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var (active, activeSpec) = Prepared();
        var count = testLabels.Length;
        if (count == 0) throw new InvalidOperationException("The dataset has no test images to evaluate on.");
        var pixels = (int)activeSpec.Input.Elements;
        double lossSum = 0;
        long correct = 0;
        for (var start = 0; start < count; start += batchSize)
        {
            var length = Math.Min(batchSize, count - start);
            var binding = Binding(active, activeSpec, length);
            testPixels.AsSpan(start * pixels, length * pixels).CopyTo(binding.Input);
            binding.Run(active, runOptions!);
            var (loss, right) = Scoring.Batch(binding.Output, testLabels.AsSpan(start, length), activeSpec.Classes);
            lossSum += loss;
            correct += right;
        }
        return new Evaluation((double)correct / count, lossSum / count);
    }

    public void Reset() => Prepared();

    public WeightSet ExportWeights()
    {
        Prepared();
        var metadata = new Dictionary<string, string>(weights!.Metadata) { ["exportedBy"] = Info.Id };
        return weights with { Metadata = metadata };
    }

    /// <summary>A one-node MatMul model run by ONNX Runtime's CPU provider, with this engine's session settings.</summary>
    public double TimeMatmul(int n)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        return matmul.Time(n);
    }

    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        matmul.Dispose();
        ReleaseWorkload();
    }

    private BatchBinding RunOn(ReadOnlySpan<int> testIndices)
    {
        var (active, activeSpec) = Prepared();
        if (testIndices.IsEmpty) throw new ArgumentException("A batch of test images needs at least one index.", nameof(testIndices));
        var pixels = (int)activeSpec.Input.Elements;
        var binding = Binding(active, activeSpec, testIndices.Length);
        var count = testLabels.Length;
        for (var n = 0; n < testIndices.Length; n++)
        {
            var i = testIndices[n];
            if ((uint)i >= count) throw new ArgumentOutOfRangeException(nameof(testIndices), i, $"The test set has {count} images.");
            testPixels.AsSpan(i * pixels, pixels).CopyTo(binding.Input.AsSpan(n * pixels, pixels));
        }
        binding.Run(active, runOptions!);
        return binding;
    }

    private BatchBinding Binding(InferenceSession active, ModelSpec activeSpec, int batch)
    {
        if (bindings.TryGetValue(batch, out var binding)) return binding;
        var options = OnnxExportOptions.Default;
        binding = new BatchBinding(active, options.InputName, options.OutputName, batch, activeSpec.Input, activeSpec.Classes);
        bindings[batch] = binding;
        return binding;
    }

    private (InferenceSession Session, ModelSpec Spec) Prepared()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (session is null || spec is null) throw new InvalidOperationException("PrepareAsync must be called before inference.");
        return (session, spec);
    }

    private void Build(ModelSpec buildSpec, WeightSet buildWeights, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var model = OnnxExporter.ExportBytes(buildSpec, buildWeights);
        var exportMs = clock.Elapsed.TotalMilliseconds;
        cancellationToken.ThrowIfCancellationRequested();
        Start(buildSpec, buildWeights, model, exportMs);
    }

    private void Start(ModelSpec buildSpec, WeightSet buildWeights, byte[] model, double exportMs)
    {
        var clock = Stopwatch.StartNew();
        using (var options = settings.Create()) session = new InferenceSession(model, options);
        LastBuild = (exportMs, clock.Elapsed.TotalMilliseconds);
        Info = Info with { Details = new Dictionary<string, string>(Info.Details) { ["dtype"] = SessionDtype.Of(session) } };
        ModelBytes = model.Length;
        runOptions = new RunOptions();
        spec = buildSpec;
        weights = buildWeights;
    }

    /// <summary>The session and what is bound to it: bindings hold buffers of the session they were made for.</summary>
    private void ReleaseSession()
    {
        foreach (var binding in bindings.Values) binding.Dispose();
        bindings.Clear();
        runOptions?.Dispose();
        session?.Dispose();
        runOptions = null;
        session = null;
    }

    private void ReleaseWorkload()
    {
        ReleaseSession();
        spec = null;
        weights = null;
        testPixels = [];
        testLabels = [];
    }
}
