using Versus.Core.Data;
using Versus.Core.Parity;
using Xunit.Abstractions;

namespace Versus.Engines.Tfjs.Tests;

/// <summary>
/// Graph specs (docs/model-spec.md, "Graphs") built by the TensorFlow.js worker as Keras functional models must give
/// libtorch's logits and training losses (GraphReference: PyTorch's own operators on the canonical weights) within the
/// parity report's tolerances: one small graph per operation the worker maps in its own way.
/// </summary>
public sealed class GraphParityTests(ITestOutputHelper output)
{
    private const uint OrderSeed = 5;

    private static readonly string[] Operations =
    [
        nameof(GraphSpecs.Depthwise), nameof(GraphSpecs.Concat), nameof(GraphSpecs.MaxPoolCeil), nameof(GraphSpecs.AvgPool),
        nameof(GraphSpecs.Relu6), nameof(GraphSpecs.HardSwish), nameof(GraphSpecs.LeakyRelu),
        nameof(GraphSpecs.AsymmetricPadding), nameof(GraphSpecs.Dilation), nameof(GraphSpecs.CustomLayers),
    ];

    public static TheoryData<string, string> ForwardCases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var engine in new[] { "tfjs:cpu", "tfjs:wasm" })
            foreach (var operation in Operations)
                cases.Add(operation, engine);
        return cases;
    }

    [SkippableTheory]
    [MemberData(nameof(ForwardCases))]
    public async Task Should_MatchLibtorchLogits_When_BuildingAGraph(string specName, string engine)
    {
        TfjsTestEnvironment.RequireEngine(engine);
        var spec = TestSpecs.Inline(GraphSpecs.ByName(specName));
        var (weights, path) = TfjsTestEnvironment.Weights(spec);
        var data = TfjsTestEnvironment.Generated(train: 16, test: 16);
        var indices = ParityProbe.DefaultIndices;

        using var reference = new GraphReference(spec, weights, data);
        var expected = reference.Predict(indices);
        await using var worker = await TfjsWorker.PreparedAsync(spec, path, data, TfjsEngineProvider.For(engine));
        var actual = await worker.PredictAsync(indices);

        var outcome = LogitComparison.Compare(new ParityProbe(indices, spec.Classes, expected),
            new ParityProbe(indices, spec.Classes, actual), "libtorch", engine);
        output.WriteLine($"{spec.Id} {engine}: max |tfjs - libtorch| = {outcome.MaxAbsDifference:g3}");
        Assert.True(outcome.Passed, $"{spec.Id}: {outcome.Reason}");
        Assert.True(expected.Max(Math.Abs) > 1e-3, "the reference logits are degenerate");
    }

    [SkippableFact]
    public async Task Should_MatchLibtorchLosses_When_TrainingAGraphWithBatchNormAndADepthwiseConv()
    {
        const string engine = "tfjs:cpu";
        TfjsTestEnvironment.RequireEngine(engine);
        var spec = TestSpecs.Inline(GraphSpecs.TrainDepthwiseBatchNorm);
        var (weights, path) = TfjsTestEnvironment.Weights(spec);
        var steps = LossComparison.Steps;
        var batch = spec.Training.BatchSize;
        var data = TfjsTestEnvironment.Generated(train: steps * batch, test: 16);

        using var reference = new GraphReference(spec, weights, data);
        var order = EpochOrder.Permutation(OrderSeed, 0, steps * batch);
        var expected = Enumerable.Range(0, steps).Select(k => reference.TrainStep(order.AsSpan(k * batch, batch))).ToArray();
        await using var worker = await TfjsWorker.PreparedAsync(spec, path, data, TfjsEngineProvider.For(engine));
        var actual = (await worker.TrainAsync(0, 0, steps, OrderSeed)).Losses;

        var outcome = LossComparison.Compare(expected, actual, "libtorch", engine);
        output.WriteLine($"{spec.Id} on {engine}: losses {expected[0]:f4} -> {expected[^1]:f4}; max |tfjs - libtorch| = {outcome.MaxAbsDifference:g3}");
        Assert.Equal(steps, actual.Length);
        Assert.True(outcome.Passed, $"{outcome.Reason}: libtorch [{string.Join(", ", expected.Select(l => l.ToString("f5")))}], tfjs [{string.Join(", ", actual.Select(l => l.ToString("f5")))}]");
        Assert.True(Math.Abs(expected[0] - expected[^1]) > 1e-3, "training did not change the loss");
    }
}
