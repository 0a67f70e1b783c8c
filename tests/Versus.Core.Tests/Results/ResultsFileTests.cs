using Versus.Core.Environments;
using Versus.Core.Results;

namespace Versus.Core.Tests.Results;

public sealed class ResultsFileTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Should_ReadTheRunBack_When_TheFileIsCurrent()
    {
        var path = Write(ResultsJson.Serialize(Run()));

        var read = ResultsFile.Read(path);

        Assert.Null(read.Problem);
        Assert.Equal("20261202-101500-ab12", read.Results!.RunId);
        Assert.Equal(2, read.Results.Options.Threads);
    }

    [Fact]
    public void Should_ReadIt_When_TheFileIsAnOlderMinorVersion()
    {
        var read = ResultsFile.Parse(ResultsJson.Serialize(Run() with { SchemaVersion = "1.0" }));

        Assert.Null(read.Problem);
    }

    [Theory]
    [InlineData("2.0", "has results schema version '2.0'; this Versus reads 1.x up to 1.5")]
    [InlineData("one", "has results schema version 'one'; this Versus reads 1.x up to 1.5")]
    [InlineData("1.9", "has results schema version '1.9', newer than this Versus reads (1.5); update Versus")]
    public void Should_NameTheVersion_When_TheSchemaIsAnother(string version, string expected)
    {
        var read = ResultsFile.Parse(ResultsJson.Serialize(Run() with { SchemaVersion = version }));

        Assert.Null(read.Results);
        Assert.Equal(expected, read.Problem);
    }

    [Theory]
    [InlineData("this is not json", "is not valid results JSON (")]
    [InlineData("[1, 2]", "has no schemaVersion, so it is not a Versus results.json")]
    [InlineData("{\"schemaVersion\": \"1.1\"}", "lacks runId, options, environment, engines, workloads or measurements")]
    public void Should_SayWhatItIs_When_TheFileIsNotResults(string text, string expected)
    {
        var read = ResultsFile.Read(Write(text));

        Assert.Null(read.Results);
        Assert.StartsWith(expected, read.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', read.Problem!);
    }

    private string Write(string text)
    {
        var path = temp.File("results.json");
        File.WriteAllText(path, text);
        return path;
    }

    private static RunResults Run() => new(RunResults.CurrentSchemaVersion, "20261202-101500-ab12",
        new DateTimeOffset(2026, 12, 2, 10, 15, 0, TimeSpan.Zero), null, "completed",
        new RunOptionsRecord(["torchsharp"], ["depth-2"], true, null, 2, "generated", 42, 0.05, 10),
        new EnvironmentInfo("bench-01", "Debian GNU/Linux 12", "6.1.0", "X64", "AMD EPYC 7B13", ["avx2"], 2, 1, 8L << 30, 6L << 30, "10.0.0", "0.1.0"),
        [], [], [], "test");
}
