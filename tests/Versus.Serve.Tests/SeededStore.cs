using Versus.Core.Results;
using Versus.Store;
using Versus.Store.Tests;

namespace Versus.Serve.Tests;

/// <summary>
/// A store as a user's would be after a month: 24 older runs on bench-01; two on bench-02, one completed and one cancelled
/// during its second measurement (only the machine peak stored); then run A (one failed measurement) and run B (the same
/// inference 1.5 times slower), the newest, on bench-01. Written through the real store, as 'versus run' writes it.
/// </summary>
internal static class SeededStore
{
    public const string RunA = "20261125-100000-aaaa";
    public const string RunB = "20261126-100000-bbbb";
    public const string OnlyPeak = "20261121-100000-dddd";
    public const string OnOtherMachine = "20261120-100000-cccc";
    public const string OtherMachine = "bench-02";
    public const int Fillers = 24;

    /// <summary>Every seeded run: the fillers, the two on <see cref="OtherMachine"/>, A and B.</summary>
    public const int Runs = Fillers + 4;
    public const string FailureReason = "worker exited with code 1: Conv2DBackpropFilter not registered for backend 'wasm'";

    public static async Task WriteAsync(string path)
    {
        await using var store = await SqliteResultStore.OpenAsync(path);
        for (var i = 0; i < Fillers; i++)
        {
            var start = Samples.Start.AddDays(-30 + i);
            await AddAsync(store, Samples.Run(FillerId(i), start), [Scaled(Samples.Ok(), 1 + i * 0.01)], "completed");
        }
        await AddAsync(store, Samples.Run(OnOtherMachine, Samples.Start.AddDays(-5), OtherMachine), [MachinePeak(), Samples.Ok()], "completed");
        await AddAsync(store, Samples.Run(OnlyPeak, Samples.Start.AddDays(-4), OtherMachine), [MachinePeak()], "cancelled");
        await AddAsync(store, Samples.Run(RunA), [Samples.Ok(), Samples.Failed()], "completed-with-failures");
        await AddAsync(store, Samples.Run(RunB, Samples.Start.AddDays(1)), [Scaled(Samples.Ok(), 1.5)], "completed");
    }

    /// <summary>
    /// A long history: run A, then run B of the same configuration, then <paramref name="newer"/> newer runs of another
    /// (TorchSharp alone), so that B and its baseline A lie beyond the newest page of runs.
    /// </summary>
    public static async Task WriteLongHistoryAsync(string path, int newer)
    {
        await using var store = await SqliteResultStore.OpenAsync(path);
        await AddAsync(store, Samples.Run(RunA, Samples.Start.AddDays(-60)), [Samples.Ok()], "completed");
        await AddAsync(store, Samples.Run(RunB, Samples.Start.AddDays(-59)), [Scaled(Samples.Ok(), 1.5)], "completed");
        for (var i = 0; i < newer; i++)
        {
            var run = Samples.Run($"20261001-{i:000000}-late", Samples.Start.AddDays(-50).AddMinutes(i));
            await AddAsync(store, run with { Engines = [run.Engines[0]] }, [Samples.Ok()], "completed");
        }
    }

    public static string FillerId(int i) => $"20261026-{i:00}0000-fill";

    private static async Task AddAsync(IResultStore store, RunResults run, IReadOnlyList<MeasurementRecord> measurements, string status)
    {
        await store.BeginRunAsync(run);
        foreach (var m in measurements) await store.SaveMeasurementAsync(run.RunId, m);
        await store.FinishRunAsync(run.RunId, status, run.StartedAt.AddMinutes(7));
    }

    /// <summary>What a run's first measurement stores: the machine's matmul peak, on no workload.</summary>
    private static MeasurementRecord MachinePeak() => Samples.Ok("torchsharp/machine/machinepeak") with
    {
        Workload = "machine",
        Kind = MeasurementKind.MachinePeak,
        Metrics = [MetricRecord.From(MetricNames.MatmulGflops, "GFLOP/s", [98.5, 101.25, 99.75, 100.5, 100.0], "best of the sizes timed (512x512)")],
    };

    private static MeasurementRecord Scaled(MeasurementRecord m, double factor) => m with
    {
        Metrics = [.. m.Metrics.Select(x => MetricRecord.From(x.Name, x.Unit, [.. x.Samples.Select(s => s * factor)], x.Note))],
    };
}
