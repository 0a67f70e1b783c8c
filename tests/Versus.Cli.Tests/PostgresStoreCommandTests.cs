using System.Net;
using System.Net.Sockets;
using Versus.Core.Engines;
using Versus.Core.Environments;
using Versus.Core.Results;
using Versus.Core.Statistics;
using Versus.Store;

namespace Versus.Cli.Tests;

/// <summary>
/// history, show and report on a real PostgreSQL database, by --db or VERSUS_DB, giving what they give on a SQLite file;
/// a database that refuses or is not there is one line on stderr that never repeats the password.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStoreCommandTests(PostgresServer server) : IDisposable
{
    private const string RunId = "20261202-101500-pg01";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [SkippableFact]
    public async Task Should_ShowAndReportTheSameAsSqlite_When_DbIsAPostgresUrl()
    {
        var url = await server.CreateDatabaseAsync();
        var sqlite = temp.File("results.db");
        await StoreAsync(url);
        await StoreAsync(sqlite);

        foreach (var args in new[] { new[] { "show", RunId[..12], "--format", "json" }, ["show", RunId, "--format", "markdown"], ["report", RunId, "--format", "md"] })
        {
            var fromPostgres = await VersusProcess.RunAsync(Timeout, [.. args, "--db", url]);
            var fromSqlite = await VersusProcess.RunAsync(Timeout, [.. args, "--db", sqlite]);

            Assert.Equal((0, ""), (fromPostgres.ExitCode, fromPostgres.Stderr));
            Assert.Equal(fromSqlite.Stdout, fromPostgres.Stdout);
            Assert.Contains(RunId, fromPostgres.Stdout, StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public async Task Should_ListTheRunWithoutThePassword_When_VersusDbNamesThePostgresDatabase()
    {
        var url = await server.CreateDatabaseAsync();
        await StoreAsync(url);

        var history = await VersusProcess.RunAsync(Timeout, new Dictionary<string, string> { [ResultStores.EnvironmentVariable] = url }, "history");

        Assert.Equal((0, ""), (history.ExitCode, history.Stderr));
        Assert.Contains(RunId, history.Stdout, StringComparison.Ordinal);
        Assert.Contains("completed", history.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Password, history.Stdout, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Should_RefuseInOneLineWithoutThePassword_When_PasswordIsWrong()
    {
        var url = await server.CreateDatabaseAsync();
        var database = url[(url.LastIndexOf('/') + 1)..];
        const string wrong = "Wr0ng-pa55word";

        var result = await VersusProcess.RunAsync(Timeout, "history", "--db", server.Url(database, wrong));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            $"error: The results database 'postgres://versus@127.0.0.1:{server.Port}/{database}' refused: password authentication failed " +
            $"for user \"versus\" (28P01). Check --db or VERSUS_DB.",
            result.Stderr.Trim());
        Assert.DoesNotContain(wrong, result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_RefuseTheRunInOneLineWithoutThePassword_When_NoServerListens()
    {
        const string password = "n0t-to-be-shown";
        var port = ClosedPort();

        var result = await VersusProcess.RunAsync(Timeout, "run", "--quick", "--out", temp.File("out"), "--db",
            $"postgres://versus:{password}@127.0.0.1:{port}/results");

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: Cannot reach the PostgreSQL server of 'postgres://versus@127.0.0.1:{port}/results': ", line, StringComparison.Ordinal);
        Assert.DoesNotContain(password, result.Stdout + result.Stderr, StringComparison.Ordinal);
        // Nothing is written before the store is open (validation may have made the empty folder).
        Assert.Empty(Directory.Exists(temp.File("out")) ? Directory.GetFiles(temp.File("out"), "*", SearchOption.AllDirectories) : []);
    }

    private static async Task StoreAsync(string db)
    {
        await using var store = await ResultStores.OpenAsync(db);
        var run = Run();
        await store.BeginRunAsync(run);
        await store.SaveMeasurementAsync(RunId, Latency(run.StartedAt));
        await store.FinishRunAsync(RunId, "completed", run.StartedAt.AddMinutes(3));
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // Started at a time with ticks past the microsecond: both stores must give it back to the tick.
    private static RunResults Run() => new(RunResults.CurrentSchemaVersion, RunId,
        new DateTimeOffset(2026, 12, 2, 10, 15, 0, TimeSpan.Zero).AddTicks(1_234_567),
        null, "running", new RunOptionsRecord(["torchsharp"], ["small-cnn-28"], true, null, 2, "generated", 42, 0.05, 10),
        new EnvironmentInfo("bench-01", "Debian GNU/Linux 12", "6.1.0", "X64", "AMD EPYC 7B13", ["avx2"], 2, 1, 8L << 30, 6L << 30, "10.0.0", "0.1.0"),
        [new EngineRecord("torchsharp", true, "TorchSharp 0.107.0", null, FrameworkFamily.PyTorch)],
        [new WorkloadRecord("small-cnn-28", "28x28x1 images", "28x28x1", 10, 1_199_882, 11_972_160, 35_916_480, 64, 64, 2, "adam", "generated",
            "workloads/small-cnn-28.json")],
        [], SampleSummary.IntervalMethod);

    private static MeasurementRecord Latency(DateTimeOffset start) => new("torchsharp/small-cnn-28/inference", "torchsharp",
        new EngineInfo("torchsharp", "PyTorch", "2.10.0", "cpu", "dotnet 10.0.0", 2, new Dictionary<string, string>()),
        "small-cnn-28", MeasurementKind.Inference, MeasurementStatus.Ok, null, StopReason.IntervalReached, start.AddSeconds(5), start.AddSeconds(35),
        734_003_200, "generated", [MetricRecord.From(MetricNames.LatencyBatch1, "ms", [0.41, 0.39, 0.44, 0.40, 0.42, 0.38, 0.43, 0.40, 0.41, 1.2])], []);
}
