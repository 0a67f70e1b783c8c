using TorchSharp;
using Versus.Core.Data;
using Versus.Core.Engines;
using Versus.Core.Models;
using Versus.Core.Weights;
using Versus.Engines.TorchSharp.Modules;
using Versus.Engines.TorchSharp.Training;
using static TorchSharp.torch;

namespace Versus.Engines.TorchSharp;

/// <summary>
/// PyTorch's engine (libtorch) through TorchSharp, on the CPU. Every per-step call runs inside a dispose scope, so no
/// native tensor outlives the step except the model's own state and the optimizer's. Created by
/// <see cref="TorchSharpEngineProvider.Load"/>, which makes the native library loadable and sets the thread counts first.
/// </summary>
public sealed class TorchSharpEngine : IEngine
{
    private readonly MatmulTimer matmul = new();
    private GraphNetwork? model;
    private CanonicalState? state;
    private TensorDataset? data;
    private optim.Optimizer? optimizer;
    private ModelSpec? spec;
    private WeightSet? initialWeights;
    private long seed;
    private bool disposed;

    internal TorchSharpEngine(EngineInfo info) => Info = info;

    public EngineInfo Info { get; }

    public Task PrepareAsync(ModelSpec spec, WeightSet initialWeights, Dataset dataset, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        if (dataset.ImageShape != spec.Input || dataset.Classes != spec.Classes)
            throw new ArgumentException($"The dataset ({dataset.ImageShape}, {dataset.Classes} classes) does not fit workload {spec.Id} ({spec.Input}, {spec.Classes} classes).", nameof(dataset));
        ReleaseWorkload();

        var analysis = ModelAnalysis.Analyze(spec);
        this.spec = spec;
        this.initialWeights = initialWeights;
        seed = initialWeights.Metadata.TryGetValue("seed", out var s) && long.TryParse(s, out var parsed) ? parsed : 0;
        try
        {
            model = NetworkBuilder.Build(spec, analysis);
            state = new CanonicalState(model, analysis);
            cancellationToken.ThrowIfCancellationRequested();
            data = TensorDataset.From(dataset);
            Reset();
        }
        catch
        {
            // A half-built workload would hold native memory and let later calls run on random weights.
            ReleaseWorkload();
            throw;
        }
        return Task.CompletedTask;
    }

    public double TrainStep(ReadOnlySpan<int> trainIndices)
    {
        var (network, prepared) = Prepared();
        using var scope = NewDisposeScope();
        network.train();
        using var index = Indices(trainIndices, prepared.TrainImages, "training");
        var images = prepared.TrainImages.index_select(0, index);
        var labels = prepared.TrainLabels.index_select(0, index);
        var loss = nn.functional.cross_entropy(network.forward(images), labels);
        optimizer!.zero_grad();
        loss.backward();
        optimizer.step();
        return loss.item<float>();
    }

    public void Infer(ReadOnlySpan<int> testIndices)
    {
        var (network, prepared) = Prepared();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        network.eval();
        using var index = Indices(testIndices, prepared.TestImages, "test");
        // CPU kernels are synchronous: the logits exist when forward returns.
        network.forward(prepared.TestImages.index_select(0, index));
    }

    public float[] Predict(ReadOnlySpan<int> testIndices)
    {
        var (network, prepared) = Prepared();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        network.eval();
        using var index = Indices(testIndices, prepared.TestImages, "test");
        return network.forward(prepared.TestImages.index_select(0, index)).contiguous().data<float>().ToArray();
    }

    /// <summary>
    /// Logits for images given as pixels scaled to [0, 1], N x C x H x W: what a server answers. Safe to call from
    /// concurrent requests: eval mode, gradients off (thread-local in libtorch), each call's tensors in its own scope.
    /// </summary>
    public float[] Forward(float[] pixels, int count)
    {
        var (network, _) = Prepared();
        var shape = spec!.Input;
        if (pixels.Length != count * shape.Elements)
            throw new ArgumentException($"{pixels.Length} values are not {count} images of {shape} = {shape.Elements} pixels.", nameof(pixels));
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        network.eval();
        var input = tensor(pixels, [count, shape.Channels, shape.Height, shape.Width]);
        return network.forward(input).contiguous().data<float>().ToArray();
    }

    public Evaluation Evaluate(int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var (network, prepared) = Prepared();
        var count = prepared.TestCount;
        if (count == 0) throw new InvalidOperationException("The dataset has no test images to evaluate on.");
        using var noGrad = no_grad();
        network.eval();
        double lossSum = 0;
        long correct = 0;
        for (var start = 0; start < count; start += batchSize)
        {
            using var scope = NewDisposeScope();
            var length = Math.Min(batchSize, count - start);
            var labels = prepared.TestLabels.narrow(0, start, length);
            var logits = network.forward(prepared.TestImages.narrow(0, start, length));
            lossSum += nn.functional.cross_entropy(logits, labels, reduction: nn.Reduction.Sum).item<float>();
            correct += logits.argmax(1).eq(labels).sum().item<long>();
        }
        return new Evaluation((double)correct / count, lossSum / count);
    }

    public void Reset()
    {
        var (network, _) = Prepared();
        state!.Load(initialWeights!);
        // Dropout draws from libtorch's generator: reseeding makes a reset run repeat the first one exactly.
        manual_seed(seed).Dispose();
        optimizer?.Dispose();
        optimizer = OptimizerFactory.Create(spec!.Training, network.parameters());
    }

    public WeightSet ExportWeights()
    {
        Prepared();
        var metadata = new Dictionary<string, string>(initialWeights!.Metadata) { ["exportedBy"] = Info.Id };
        return state!.Export(metadata);
    }

    public double TimeMatmul(int n)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        return matmul.Time(n);
    }

    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        ReleaseWorkload();
        matmul.Dispose();
    }

    private (GraphNetwork Network, TensorDataset Data) Prepared()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (model is null || data is null) throw new InvalidOperationException("PrepareAsync must be called before training or inference.");
        return (model, data);
    }

    /// <summary>Checked here because libtorch's own error ("index out of range in self") names neither the set nor the index.</summary>
    private static Tensor Indices(ReadOnlySpan<int> indices, Tensor images, string set)
    {
        if (indices.IsEmpty) throw new ArgumentException($"A batch of {set} images needs at least one index.", nameof(indices));
        var count = images.shape[0];
        foreach (var i in indices)
            if ((uint)i >= count) throw new ArgumentOutOfRangeException(nameof(indices), i, $"The {set} set has {count} images.");
        return tensor(indices.ToArray(), [indices.Length], ScalarType.Int32);
    }

    private void ReleaseWorkload()
    {
        optimizer?.Dispose();
        model?.Dispose();
        data?.Dispose();
        optimizer = null;
        model = null;
        data = null;
        state = null;
    }
}
