using Versus.Core.Engines;
using Versus.Core.Environments;
using Versus.Core.Results;
using Versus.Core.Statistics;
using Versus.Store;

namespace Versus.Cli.Tests;

/// <summary>"versus report" on a real SQLite store: each format from the stored run, and every bad input refused in one line.</summary>
public sealed class ReportCommandTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private string Db => temp.File("results.db");

    private async Task Store(params string[] runIds)
    {
        await using var store = await SqliteResultStore.OpenAsync(Db);
        foreach (var id in runIds)
        {
            await store.BeginRunAsync(Run(id));
            await store.SaveMeasurementAsync(id, Latency());
            await store.FinishRunAsync(id, "completed", Run(id).StartedAt.AddMinutes(3));
        }
    }

    [Fact]
    public async Task Should_WriteTheStoredRunsReport_When_FormatIsMarkdown()
    {
        await Store("20261202-101500-ab12");
        var file = temp.File("report.md");

        var result = await VersusProcess.RunAsync(Timeout, "report", "20261202-101500", "--format", "md", "--out", file, "--db", Db);

        Assert.Equal(0, result.ExitCode);
        var report = await File.ReadAllTextAsync(file);
        Assert.StartsWith("# Versus report: run `20261202-101500-ab12`", report, StringComparison.Ordinal);
        Assert.Contains("| measured here | `torchsharp` |", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_WriteTheChartsSilently_When_FormatIsHtml()
    {
        await Store("20261202-101500-ab12");
        var file = temp.File("report.html");

        var result = await VersusProcess.RunAsync(Timeout, "report", "20261202-101500-ab12", "--format", "html", "--out", file, "--db", Db);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("(cited)", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        // Skia writes "Unsupported path effect in addPaint." to stdout for every dashed line its SVG export drops.
        Assert.Equal("", result.Stderr);
        Assert.DoesNotContain("Unsupported", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_WriteTheReportModel_When_FormatIsJson()
    {
        await Store("20261202-101500-ab12");

        var result = await VersusProcess.RunAsync(Timeout, "report", "20261202-101500-ab12", "--format", "json", "--db", Db);

        Assert.Equal(0, result.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(result.Stdout);
        Assert.Equal("20261202-101500-ab12", json.RootElement.GetProperty("runId").GetString());
        Assert.Contains(json.RootElement.GetProperty("blocks").EnumerateArray(), b => b.GetProperty("block").GetString() == "chart");
    }

    [Theory]
    [InlineData("pdf", "error: --format 'pdf' is not a report format; use one of html, md, json")]
    public async Task Should_NameTheAllowedFormats_When_FormatIsUnknown(string format, string expected)
    {
        await Store("20261202-101500-ab12");

        var result = await Refused("report", "20261202-101500-ab12", "--format", format, "--out", temp.File("r.pdf"), "--db", Db);

        Assert.StartsWith(expected, result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.File("r.pdf")));
    }

    [Fact]
    public async Task Should_SayHowToListRuns_When_RunIsNotStored()
    {
        await Store("20261202-101500-ab12");

        var result = await Refused("report", "nope", "--format", "md", "--db", Db);

        Assert.Contains("RUN 'nope' is not stored in", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("'versus history' lists the runs", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_ListTheCandidates_When_RunIdIsAmbiguous()
    {
        await Store("20261202-101500-ab12", "20261202-101500-cd34");

        var result = await Refused("report", "20261202-1015", "--format", "md", "--db", Db);

        Assert.Contains("is ambiguous: 2 runs start with it", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_WriteNothing_When_OutIsAFolder()
    {
        await Store("20261202-101500-ab12");
        var folder = temp.File("a-folder");
        Directory.CreateDirectory(folder);

        var result = await Refused("report", "20261202-101500-ab12", "--format", "md", "--out", folder, "--db", Db);

        Assert.Contains($"--out '{folder}' is a folder; give a file name such as report.html", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
    }

    private static async Task<VersusProcess.Result> Refused(params string[] args)
    {
        var result = await VersusProcess.RunAsync(Timeout, args);
        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.All(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => Assert.StartsWith("error: ", l, StringComparison.Ordinal));
        return result;
    }

    private static RunResults Run(string id) => new(RunResults.CurrentSchemaVersion, id, new DateTimeOffset(2026, 12, 2, 10, 15, 0, TimeSpan.Zero),
        null, "running", new RunOptionsRecord(["torchsharp"], ["small-cnn-28"], true, null, 2, "generated", 42, 0.05, 10),
        new EnvironmentInfo("bench-01", "Debian GNU/Linux 12", "6.1.0", "X64", "AMD EPYC 7B13", ["avx2"], 2, 1, 8L << 30, 6L << 30, "10.0.0", "0.1.0"),
        [new EngineRecord("torchsharp", true, "TorchSharp 0.107.0", null, FrameworkFamily.PyTorch)],
        [new WorkloadRecord("small-cnn-28", "28x28x1 images", "28x28x1", 10, 1_199_882, 11_972_160, 35_916_480, 64, 64, 2, "adam", "generated", "workloads/small-cnn-28.json")],
        [], SampleSummary.IntervalMethod);

    private static MeasurementRecord Latency()
    {
        double[] samples = [0.41, 0.42, 0.43, 0.40, 0.44, 0.42, 0.41, 0.45, 0.42, 0.43];
        return new MeasurementRecord("torchsharp/small-cnn-28/inference", "torchsharp",
            new EngineInfo("torchsharp", "PyTorch (libtorch) via TorchSharp", "2.10.0", "cpu", "dotnet 10.0.0", 2, new Dictionary<string, string>()),
            "small-cnn-28", MeasurementKind.Inference, MeasurementStatus.Ok, null, StopReason.IntervalReached,
            new DateTimeOffset(2026, 12, 2, 10, 15, 5, TimeSpan.Zero), new DateTimeOffset(2026, 12, 2, 10, 15, 35, TimeSpan.Zero), 300L << 20,
            "generated", [MetricRecord.From(MetricNames.LatencyBatch1, "ms", samples)], []);
    }
}
