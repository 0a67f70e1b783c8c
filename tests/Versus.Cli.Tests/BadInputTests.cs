using Versus.Store;

namespace Versus.Cli.Tests;

/// <summary>Every user mistake: one line naming the thing and the fix, exit code 2, no stack trace, nothing stored.</summary>
public sealed class BadInputTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private async Task<string> RunExpectingRefusal(params string[] args)
    {
        var db = temp.File("results.db");
        string[] output = args.Contains("--out") ? [] : ["--out", temp.File("out")];
        var result = await VersusProcess.RunAsync(Timeout, ["run", "--quick", "--db", db, .. output, .. args]);

        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.DoesNotContain("Exception", result.Stderr);
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.StartsWith("error: ", l));
        if (File.Exists(db))
        {
            await using var store = await SqliteResultStore.OpenAsync(db);
            Assert.Empty(await store.ListRunsAsync(10));
        }
        return result.Stderr;
    }

    [Theory]
    [InlineData("speed", "--priorities 'speed' 'speed' is not a priority or a profile")]
    [InlineData("browser=-1", "--priorities 'browser=-1' the weight of 'browser' must be a finite number of 0 or more")]
    [InlineData("browser=x", "--priorities 'browser=x' the weight of 'browser' must be a finite number of 0 or more")]
    [InlineData("browser=0,edge=0", "every weight is 0")]
    public async Task Should_NameTheAllowedPriorities_When_PrioritiesAreBad(string value, string expected)
    {
        var stderr = await RunExpectingRefusal("--priorities", value);

        Assert.Contains(expected, stderr);
    }

    [Theory]
    [InlineData("--train-images", "0", "--train-images '0' is not a whole number from 1 to")]
    [InlineData("--test-images", "-5", "--test-images '-5' is not a whole number from 1 to")]
    [InlineData("--train-images", "all", "--train-images 'all' is not a whole number from 1 to")]
    public async Task Should_RefuseTheLimitInOneLine_When_AnImageLimitIsNotAPositiveWholeNumber(string option, string value, string expected)
    {
        var stderr = await RunExpectingRefusal(option, value);

        Assert.Contains(expected, stderr);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Should_RefuseTheLimitInOneLine_When_DeployIsGivenABadImageLimit()
    {
        var result = await VersusProcess.RunAsync(Timeout,
            ["deploy", "--quick", "--test-images", "0", "--out", temp.File("out"), "--db", temp.File("results.db")]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: --test-images '0' is not a whole number from 1 to 2147483647 (images; leave it out to use every image of --data)",
            result.Stderr.Trim());
    }

    [SkippableFact]
    public async Task Should_NameTheImagesThereAre_When_AnImageLimitExceedsTheData()
    {
        Skip.IfNot(File.Exists(Path.Combine(Versus.Core.Data.IdxDataset.DebianFashionMnist, "train-images-idx3-ubyte.gz")),
            "needs Debian's dataset-fashion-mnist (apt install dataset-fashion-mnist)");

        var stderr = await RunExpectingRefusal("--data", Versus.Core.Data.IdxDataset.DebianFashionMnist, "--workloads", "small-cnn-28",
            "--train-images", "60001");

        Assert.Contains("--train-images '60001' is more than the 60000 training images in /usr/share/datasets/fashion-mnist", stderr);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Should_NameKnownEngines_When_EngineIsUnknown()
    {
        var stderr = await RunExpectingRefusal("--engines", "caffe");

        Assert.Contains("--engines 'caffe' is not an engine; known: torchsharp", stderr);
    }

    [Fact]
    public async Task Should_NameKnownWorkloads_When_WorkloadIsUnknown()
    {
        var stderr = await RunExpectingRefusal("--workloads", "resnet-50");

        Assert.Contains("--workloads 'resnet-50' is not a known workload; known: cnn-64, depth-N", stderr);
    }

    [Fact]
    public async Task Should_NameFileAndPath_When_SpecIsMalformed()
    {
        var spec = temp.File("bad.json");
        await File.WriteAllTextAsync(spec, """
            {"id":"bad","input":{"channels":1,"height":28,"width":28},"classes":10,
             "training":{"optimizer":"sgd","learningRate":0.1,"batchSize":8,"epochs":1},
             "layers":[{"type":"conv2d","out":8,"kernel":3},{"type":"linear","out":10}]}
            """);

        var stderr = await RunExpectingRefusal("--workloads", spec);

        Assert.Contains($"{spec} at $.layers[1]: linear needs a flat input but gets 8x26x26; add a flatten or globalavgpool layer before it", stderr);
    }

    [Fact]
    public async Task Should_RefuseBeforeAllocating_When_SpecNeedsMoreMemoryThanTheMachineHas()
    {
        var spec = temp.File("huge.json");
        await File.WriteAllTextAsync(spec, """
            {"id":"huge","input":{"channels":3,"height":4096,"width":4096},"classes":10,
             "training":{"optimizer":"sgd","learningRate":0.1,"batchSize":512,"epochs":1},
             "layers":[{"type":"conv2d","out":256,"kernel":3,"padding":1},{"type":"globalavgpool"},{"type":"linear","out":10}]}
            """);

        var stderr = await RunExpectingRefusal("--workloads", spec);

        Assert.Contains("workload huge needs about", stderr);
        Assert.Contains("reduce the batch size", stderr);
    }

    [Fact]
    public async Task Should_SayWhatANumberMustBe_When_ThreadsIsNotNumeric()
    {
        var stderr = await RunExpectingRefusal("--threads", "many");

        Assert.Contains("--threads 'many' is not a whole number from 1 to 4096", stderr);
    }

    [Fact]
    public async Task Should_NameTheMissingFile_When_IdxFolderIsIncomplete()
    {
        var folder = Directory.CreateDirectory(temp.File("idx")).FullName;

        var stderr = await RunExpectingRefusal("--data", folder);

        Assert.Contains("train-images-idx3-ubyte.gz' is missing", stderr);
    }

    [Fact]
    public async Task Should_SayWrongMagic_When_IdxFileIsNotIdx()
    {
        var folder = Directory.CreateDirectory(temp.File("idx")).FullName;
        foreach (var name in new[] { "train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte" })
            await File.WriteAllBytesAsync(Path.Combine(folder, name), new byte[64]);

        var stderr = await RunExpectingRefusal("--data", folder);

        Assert.Contains("wrong magic number", stderr);
    }

    [Fact]
    public async Task Should_SayTruncated_When_IdxFileIsCut()
    {
        var folder = Directory.CreateDirectory(temp.File("idx")).FullName;
        var header = new byte[] { 0, 0, 8, 3, 0, 0, 0, 10, 0, 0, 0, 28, 0, 0, 0, 28 };
        foreach (var prefix in new[] { "train", "t10k" })
        {
            await File.WriteAllBytesAsync(Path.Combine(folder, $"{prefix}-images-idx3-ubyte"), [.. header, .. new byte[100]]);
            await File.WriteAllBytesAsync(Path.Combine(folder, $"{prefix}-labels-idx1-ubyte"), [0, 0, 8, 1, 0, 0, 0, 10, .. new byte[10]]);
        }

        var stderr = await RunExpectingRefusal("--workloads", "small-cnn-28", "--data", folder);

        Assert.Contains("train-images-idx3-ubyte' is truncated: 10 images of 28x28 need 7856 bytes, found 116", stderr);
    }

    [Fact]
    public async Task Should_ReportEveryProblem_When_SeveralOptionsAreWrong()
    {
        var stderr = await RunExpectingRefusal("--engines", "caffe", "--threads", "0", "--seed", "x");

        Assert.Contains("--engines 'caffe'", stderr);
        Assert.Contains("--threads '0'", stderr);
        Assert.Contains("--seed 'x'", stderr);
    }
}
