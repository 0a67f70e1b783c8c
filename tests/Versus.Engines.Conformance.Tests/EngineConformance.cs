using Versus.Cli;
using Versus.Core.Data;
using Versus.Core.Engines;
using Versus.Core.Models;
using Versus.Core.Parity;
using Versus.Core.Protocol;

namespace Versus.Engines.Conformance.Tests;

/// <summary>
/// What every engine must do to stand in a Versus comparison, asked through the same provider and protocol a run uses.
/// An engine proves itself by a one-line subclass naming its id (see Engines.cs); nothing here knows any engine.
/// Forward passes are judged against <see cref="ReferenceNetwork"/> (plain loops, double precision) by the run's own
/// parity rule; training against the oracle's first loss and, for 20 steps, against <see cref="TrainingReference"/>.
/// </summary>
public abstract class EngineConformance
{
    private const uint DataSeed = 11;
    private const uint OrderSeed = 5;
    private const int BatchSize = 8;
    private static readonly int[] Probe = [.. Enumerable.Range(0, 8)];
    private static readonly string Scratch = Directory.CreateTempSubdirectory("versus-conformance-").FullName;

    /// <summary>The engine id as `--engines` takes it.</summary>
    protected abstract string EngineId { get; }

    /// <summary>The engine whose 20 training steps the others reproduce: libtorch, PyTorch's own kernels.</summary>
    protected virtual string TrainingReference => "torchsharp";

    /// <summary>
    /// Why this engine's 20 steps on <paramref name="graph"/> are known to leave the loss-parity limit, or null. Its first
    /// loss is still held to the oracle; a drift that has gone away passes, so the note can be removed.
    /// </summary>
    protected virtual string? KnownTrainingDrift(string graph) => null;

    private IEngineProvider Provider => EngineCatalog.Find(EngineId) ?? throw new InvalidOperationException($"No engine '{EngineId}' is registered.");

    public static TheoryData<string> Graphs => [.. ConformanceGraphs.Nodes.Keys];

    public static TheoryData<string> TrainableGraphs => [.. ConformanceGraphs.Trainable];

    [Fact]
    public async Task Should_SayWhetherItRunsHereAndHowToFixIt_When_AvailabilityIsChecked()
    {
        var availability = await Provider.CheckAvailabilityAsync(CancellationToken.None);

        Assert.False(string.IsNullOrWhiteSpace(availability.Summary), $"{EngineId} gave no summary");
        if (!availability.IsUsable)
            Assert.False(string.IsNullOrWhiteSpace(availability.Fix), $"{EngineId} is unusable ({availability.Summary}) and says no fix");
        Assert.True(Provider.Capabilities.HasFlag(EngineCapabilities.Infer), $"{EngineId} cannot infer: it cannot stand in a comparison");
    }

    [SkippableTheory]
    [MemberData(nameof(Graphs))]
    public async Task Should_ReproduceTheReferenceLogits_When_RunningEachGraphOperation(string graph)
    {
        await RequireUsableAsync();
        var spec = ConformanceGraphs.Spec(graph);
        var weights = ConformanceWeights.Create(spec);
        var data = new DataSource(DataSource.Generated, DataSeed, BatchSize, Probe.Length);
        await using var worker = await EngineWorker.PreparedAsync(Provider, spec, weights, data, Scratch);

        var logits = await worker.PredictAsync(Probe);

        var expected = new ReferenceNetwork(spec, weights).Forward(Images(spec, data, Probe, test: true));
        var outcome = LogitComparison.Compare(new ParityProbe(Probe, spec.Classes, [.. expected.SelectMany(l => l.Select(v => (float)v))]),
            new ParityProbe(Probe, spec.Classes, logits), "reference", EngineId);
        Assert.True(outcome.Passed, $"{EngineId} on '{graph}': {outcome.Reason}");
    }

    [SkippableTheory]
    [MemberData(nameof(TrainableGraphs))]
    public async Task Should_ReproduceTheFirstLossAndTheReferenceEngine_When_TrainingTwentySteps(string graph)
    {
        await RequireUsableAsync();
        Skip.IfNot(Provider.Capabilities.HasFlag(EngineCapabilities.Train), $"{EngineId} does not train (its capabilities say inference only)");
        var spec = ConformanceGraphs.Spec(graph);
        var weights = ConformanceWeights.Create(spec);
        var data = new DataSource(DataSource.Generated, DataSeed, BatchSize * LossComparison.Steps, Probe.Length);
        await using var worker = await EngineWorker.PreparedAsync(Provider, spec, weights, data, Scratch);

        var losses = await worker.TrainAsync(LossComparison.Steps, OrderSeed);

        // Step 0 runs on the initial weights: its loss is the oracle's, batch norm normalising with the batch's statistics.
        var first = EpochOrder.Permutation(OrderSeed, 0, data.TrainCount)[..BatchSize];
        var dataset = GeneratedDataset.Create(spec.Input, spec.Classes, data);
        var expectedFirst = ReferenceNetwork.CrossEntropy(
            new ReferenceNetwork(spec, weights).Forward(Images(spec, data, first, test: false), training: true), [.. first.Select(i => dataset.Train.Labels[i])]);
        Assert.True(Math.Abs(losses[0] - expectedFirst) <= LossComparison.Tolerance, $"{EngineId} on '{graph}': first loss {losses[0]}, reference {expectedFirst}");

        // Later steps: against the reference engine, or, for the reference itself, against a second worker (deterministic kernels).
        await using var reference = await EngineWorker.PreparedAsync(EngineCatalog.Find(TrainingReference)!, spec, weights, data, Scratch);
        var referenceLosses = await reference.TrainAsync(LossComparison.Steps, OrderSeed);
        var outcome = LossComparison.Compare(referenceLosses, losses, TrainingReference, EngineId);
        var known = outcome.Passed ? null : KnownTrainingDrift(graph);
        Skip.If(known is not null, $"{EngineId} on '{graph}', a known drift ({known}): {outcome.Reason}");
        Assert.True(outcome.Passed, $"{EngineId} on '{graph}': {outcome.Reason}");
        // Losses that did not move would not exercise the gradients or the optimizer.
        Assert.True(Math.Abs(losses[^1] - losses[0]) > 1e-3, $"{EngineId} on '{graph}': training left the loss at {losses[0]}");
    }

    [SkippableFact]
    public async Task Should_AnswerWithTheReasonAndStayUsable_When_ARequestIsBad()
    {
        await RequireUsableAsync();
        var spec = ConformanceGraphs.Spec("branches");
        var data = new DataSource(DataSource.Generated, DataSeed, BatchSize, Probe.Length);
        await using var worker = await EngineWorker.PreparedAsync(Provider, spec, ConformanceWeights.Create(spec), data, Scratch);

        var outOfRange = await Assert.ThrowsAsync<WorkerFaultException>(() => worker.PredictAsync([0, Probe.Length + 3]));
        Assert.Contains($"{Probe.Length + 3}", outOfRange.Message, StringComparison.Ordinal);
        var unknown = await Assert.ThrowsAsync<WorkerFaultException>(() =>
            worker.Channel.SendAsync("transmogrify", null, TimeSpan.FromMinutes(1), CancellationToken.None));
        Assert.Contains("transmogrify", unknown.Message, StringComparison.Ordinal);

        var logits = await worker.PredictAsync(Probe);
        Assert.Equal(Probe.Length * spec.Classes, logits.Length);
    }

    [SkippableFact]
    public async Task Should_RefuseTheWeights_When_AParameterHasTheWrongShape()
    {
        await RequireUsableAsync();
        var spec = ConformanceGraphs.Spec("depthwise");
        var weights = ConformanceWeights.Create(spec);
        // The depthwise kernel written as a full convolution's: [6, 3, 3, 3] where [6, 1, 3, 3] belongs.
        var wrong = weights with
        {
            Tensors = [.. weights.Tensors.Select(t => t.Name == "dw.weight" ? t with { Shape = [6, 3, 3, 3], Data = new float[162] } : t)],
        };
        var data = new DataSource(DataSource.Generated, DataSeed, BatchSize, Probe.Length);

        var fault = await Assert.ThrowsAsync<WorkerFaultException>(() => EngineWorker.PreparedAsync(Provider, spec, wrong, data, Scratch));

        Assert.Contains("dw.weight", fault.Message, StringComparison.Ordinal);
    }

    private async Task RequireUsableAsync()
    {
        var availability = await Provider.CheckAvailabilityAsync(CancellationToken.None);
        Skip.IfNot(availability.IsUsable, $"{EngineId} is not usable here: {availability.Summary}; fix: {availability.Fix}");
    }

    /// <summary>The images the worker generated from the same source, scaled to [0, 1] as every engine scales them.</summary>
    private static List<double[]> Images(ModelSpec spec, DataSource data, IEnumerable<int> indices, bool test)
    {
        var set = GeneratedDataset.Create(spec.Input, spec.Classes, data);
        var images = test ? set.Test : set.Train;
        var size = set.PixelsPerImage;
        return [.. indices.Select(i => images.Pixels.AsSpan(i * size, size).ToArray().Select(b => b / 255.0).ToArray())];
    }
}
