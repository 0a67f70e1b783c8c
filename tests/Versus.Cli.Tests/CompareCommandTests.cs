using System.Text.Json;
using Versus.Core.Results;
using static Versus.Cli.Tests.StoredRunsForComparison;

namespace Versus.Cli.Tests;

/// <summary>"versus compare" on runs with hand-made samples in a real SQLite store and real files; every bad input refused in one line.</summary>
public sealed class CompareCommandTests : IDisposable
{
    private const string Before = "20261202-101500-ab12";
    private const string After = "20261203-090000-cd34";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private string Db => temp.File("results.db");

    [Fact]
    public async Task Should_WriteTheComparisonAsData_When_FormatIsJson()
    {
        await StoreAsync(Db, Run(Before, "small-cnn-28", 0.40, seed: 1), Run(After, "small-cnn-28", 0.52, seed: 2));

        var result = await VersusProcess.RunAsync(Timeout, "compare", Before, "20261203", "--format", "json", "--db", Db);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(Before, json.RootElement.GetProperty("runA").GetString());
        var metric = Assert.Single(json.RootElement.GetProperty("metrics").EnumerateArray());
        Assert.Equal(MetricNames.LatencyBatch1, metric.GetProperty("metric").GetString());
        Assert.Equal("slower", metric.GetProperty("verdict").GetString());
        Assert.InRange(metric.GetProperty("ratio").GetProperty("ratio").GetDouble(), 1.25, 1.35);
        Assert.Equal(0.05, json.RootElement.GetProperty("options").GetProperty("threshold").GetDouble());
        Assert.True(json.RootElement.GetProperty("sameMachine").GetBoolean());
        Assert.Equal(JsonValueKind.Array, json.RootElement.GetProperty("engineRatios").ValueKind);
    }

    [Fact]
    public async Task Should_ExitWithThree_When_FailOnRegressionAndAMetricIsSlower()
    {
        await StoreAsync(Db, Run(Before, "small-cnn-28", 0.40, seed: 1), Run(After, "small-cnn-28", 0.52, seed: 2));

        var result = await VersusProcess.RunAsync(Timeout, "compare", Before, After, "--fail-on-regression", "--format", "markdown", "--db", Db);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("| `torchsharp` | `small-cnn-28` | infer.latency.batch1 |", result.Stdout, StringComparison.Ordinal);
        Assert.StartsWith($"regression: 1 metric(s) slower in '{After}' than in '{Before}': torchsharp small-cnn-28 infer.latency.batch1",
            result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_ExitWithZero_When_FailOnRegressionAndBIsFaster()
    {
        await StoreAsync(Db, Run(Before, "small-cnn-28", 0.52, seed: 1), Run(After, "small-cnn-28", 0.40, seed: 2));

        var result = await VersusProcess.RunAsync(Timeout, "compare", Before, After, "--fail-on-regression", "--format", "json", "--db", Db);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"verdict\": \"faster\"", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_CallTwoPercentNoChange_When_TheThresholdIsFivePercentButAChange_When_ItIsOne()
    {
        await StoreAsync(Db, Run(Before, "small-cnn-28", 0.400, seed: 1), Run(After, "small-cnn-28", 0.408, seed: 2));

        var five = await VersusProcess.RunAsync(Timeout, "compare", Before, After, "--format", "json", "--db", Db);
        var none = await VersusProcess.RunAsync(Timeout, "compare", Before, After, "--format", "json", "--threshold", "0", "--db", Db);

        Assert.Contains("\"verdict\": \"no-change\"", five.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"verdict\": \"slower\"", none.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_ReadResultsFilesAndRunFolders_When_GivenPaths()
    {
        var folder = Directory.CreateDirectory(temp.File("run-b")).FullName;
        var fileA = temp.File("a.json");
        await File.WriteAllTextAsync(fileA, ResultsJson.Serialize(Run(Before, "depth-2", 1.0, seed: 1)));
        await File.WriteAllTextAsync(Path.Combine(folder, "results.json"), ResultsJson.Serialize(Run(After, "depth-2", 1.0, seed: 2)));

        var result = await VersusProcess.RunAsync(Timeout, "compare", fileA, folder, "--format", "markdown", "--db", Db);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"# Versus comparison: run `{After}` against run `{Before}`", result.Stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(Db), "comparing two files opened the store");
    }

    [Fact]
    public async Task Should_AddTheComparisonToTheReport_When_ReportIsGivenCompare()
    {
        await StoreAsync(Db, Run(Before, "small-cnn-28", 0.40, seed: 1), Run(After, "small-cnn-28", 0.52, seed: 2));
        var file = temp.File("report.html");

        var result = await VersusProcess.RunAsync(Timeout, "report", After, "--compare", Before, "--format", "html", "--out", file, "--db", Db);

        Assert.Equal(0, result.ExitCode);
        var html = await File.ReadAllTextAsync(file);
        Assert.Contains("id=\"run-comparison\"", html, StringComparison.Ordinal);
        Assert.Contains("chart-run-change", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Refuse_When_ReportIsComparedWithItself()
    {
        await StoreAsync(Db, Run(Before, "small-cnn-28", 0.40, seed: 1));

        var stderr = await Refused("report", Before, "--compare", Before, "--format", "md", "--db", Db);

        Assert.StartsWith($"error: RUN and --compare are the same run '{Before}'; compare two different runs", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_NameTheOption_When_ReportComparesWithAMissingRun()
    {
        await StoreAsync(Db, Run(Before, "small-cnn-28", 0.40, seed: 1));

        var stderr = await Refused("report", Before, "--compare", "gone.json", "--format", "md", "--db", Db);

        Assert.StartsWith("error: --compare 'gone.json' is not a file or a run folder with a results.json", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_SayHowToListRuns_When_ARunIsMissing()
    {
        await StoreAsync(Db, Run(Before, "small-cnn-28", 0.40, seed: 1));

        var stderr = await Refused("compare", Before, "nope", "--db", Db);

        Assert.StartsWith($"error: B 'nope' is not stored in {Db} and is not a results.json; 'versus history' lists the runs", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_NameBothRuns_When_TheyShareNoMetric()
    {
        await StoreAsync(Db, Run(Before, "small-cnn-28", 0.40, seed: 1), Run(After, "depth-2", 0.40, seed: 2));

        var stderr = await Refused("compare", Before, After, "--db", Db);

        Assert.StartsWith($"error: runs '{Before}' and '{After}' share no metric (A measured torchsharp small-cnn-28; B measured torchsharp depth-2)",
            stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Before, Before)]
    [InlineData(Before, "20261202")]
    public async Task Should_Refuse_When_BothArgumentsNameOneRun(string a, string b)
    {
        await StoreAsync(Db, Run(Before, "small-cnn-28", 0.40, seed: 1));

        var stderr = await Refused("compare", a, b, "--db", Db);

        Assert.StartsWith($"error: A and B are the same run '{Before}'; compare two different runs", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_NameTheVersion_When_AResultsFileHasAnotherSchema()
    {
        var file = temp.File("old.json");
        await File.WriteAllTextAsync(file, ResultsJson.Serialize(Run(Before, "small-cnn-28", 0.4, seed: 1) with { SchemaVersion = "2.0" }));
        await StoreAsync(Db, Run(After, "small-cnn-28", 0.40, seed: 2));

        var stderr = await Refused("compare", file, After, "--db", Db);

        Assert.StartsWith($"error: A '{file}' has results schema version '2.0'; this Versus reads 1.x up to {RunResults.CurrentSchemaVersion}", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_SayItIsNotResults_When_AFileIsNotJson()
    {
        var file = temp.File("notes.json");
        await File.WriteAllTextAsync(file, "these are my notes");
        await StoreAsync(Db, Run(Before, "small-cnn-28", 0.40, seed: 1));

        var stderr = await Refused("compare", Before, file, "--db", Db);

        Assert.StartsWith($"error: B '{file}' is not valid results JSON (", stderr, StringComparison.Ordinal);
        Assert.Contains("give a results.json written by 'versus run'", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--threshold=-5%", "error: --threshold '-5%' is not a threshold; give a percentage of 0 or more such as 5%, or a fraction such as 0.05")]
    [InlineData("--threshold=-0.05", "error: --threshold '-0.05' is not a threshold; give a percentage of 0 or more such as 5%, or a fraction such as 0.05")]
    [InlineData("--threshold=lots", "error: --threshold 'lots' is not a threshold; give a percentage of 0 or more such as 5%, or a fraction such as 0.05")]
    [InlineData("--threshold=5", "error: --threshold '5' is ambiguous; write 5% for a percentage, or a fraction below 1 such as 0.05")]
    [InlineData("--format=pdf", "error: --format 'pdf' is not a format; use table, markdown or json")]
    public async Task Should_NameTheAllowedValues_When_AnOptionIsBad(string option, string expected)
    {
        await StoreAsync(Db, Run(Before, "small-cnn-28", 0.40, seed: 1), Run(After, "small-cnn-28", 0.40, seed: 2));

        var stderr = await Refused("compare", Before, After, option, "--db", Db);

        Assert.Equal(expected, stderr.Trim());
    }

    private static async Task<string> Refused(params string[] args)
    {
        var result = await VersusProcess.RunAsync(Timeout, args);
        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}\n{result.Stdout}\n{result.Stderr}");
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("error: ", lines[0], StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
        return result.Stderr;
    }
}
