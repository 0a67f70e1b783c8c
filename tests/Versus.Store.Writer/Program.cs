using Versus.Core.Environments;
using Versus.Core.Results;
using Versus.Store;

// Usage: Versus.Store.Writer STORE RUN_ID MEASUREMENTS WRITER_NUMBER GO_FILE
// Opens STORE as the CLI does (ResultStores), begins RUN_ID, waits until GO_FILE exists so that every writer starts
// saving at the same moment, then saves MEASUREMENTS measurements one by one, each carrying values that only this
// writer produces (WRITER_NUMBER * 1,000,000 + index), and finishes the run. Exit 0, or 2 with one line on stderr.
if (args.Length != 5 || !int.TryParse(args[2], out var count) || !int.TryParse(args[3], out var writer))
{
    Console.Error.WriteLine("usage: Versus.Store.Writer STORE RUN_ID MEASUREMENTS WRITER_NUMBER GO_FILE");
    return 2;
}

var (db, runId, goFile) = (args[0], args[1], args[4]);
try
{
    await using var store = await ResultStores.OpenAsync(db);
    var start = DateTimeOffset.UtcNow;
    var environment = new EnvironmentInfo($"writer-{writer}", "test", "test", "X64", "test cpu", [], 1, 1, 0, 0, "10.0.0", "0.0.0-writer");
    await store.BeginRunAsync(new RunResults(RunResults.CurrentSchemaVersion, runId, start, null, RunStatus.Running,
        new RunOptionsRecord([$"writer-{writer}"], ["concurrency"], Quick: true, Epochs: 1, Threads: 1, Data: "generated", Seed: (uint)writer,
            TargetRelativeHalfWidth: 0.02, MeasurementBudgetSeconds: 1),
        environment, [], [], [], "none"));

    while (!File.Exists(goFile)) await Task.Delay(10);

    for (var i = 0; i < count; i++)
    {
        var value = writer * 1_000_000.0 + i;
        await store.SaveMeasurementAsync(runId, new MeasurementRecord($"m{i:D4}", $"writer-{writer}", null, "concurrency",
            MeasurementKind.Inference, MeasurementStatus.Ok, null, null, start, DateTimeOffset.UtcNow, null, "generated",
            [MetricRecord.From(MetricNames.LatencyBatch1, "ms", [value, value, value])], []));
    }

    await store.FinishRunAsync(runId, "completed", DateTimeOffset.UtcNow);
    return 0;
}
catch (StoreException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}
