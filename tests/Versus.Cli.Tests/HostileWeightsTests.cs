using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Versus.Core.Results;
using Versus.Store;

namespace Versus.Cli.Tests;

/// <summary>
/// Hostile weight files where a user hands them to Versus: the .safetensors beside a spec (what 'versus import' writes),
/// which 'versus run', 'versus deploy' and 'versus run --resume' take as the workload's initial weights. Each is refused
/// in one line naming the file, the tensor where there is one, and the fix; exit code 2; the store as it was
/// (<see cref="RefusalCheck"/>). A run's own weight file damaged mid-run fails the measurements that read it, and the
/// run goes on to its end.
/// </summary>
public sealed class HostileWeightsTests : IDisposable
{
    private const string Fix = "or move it away to start from weights drawn from --seed";

    /// <summary>The spec's parameters in canonical order: a file of exactly these is accepted.</summary>
    private static readonly (string Name, string Dtype, int[] Shape)[] Layout =
        [("layers.0.weight", "F32", [4, 1, 3, 3]), ("layers.0.bias", "F32", [4]), ("layers.3.weight", "F32", [10, 676]), ("layers.3.bias", "F32", [10])];

    private readonly TempDirectory temp = new();
    private readonly RefusalCheck refusal;

    public HostileWeightsTests() => refusal = new RefusalCheck(temp);

    public void Dispose() => temp.Dispose();

    /// <summary>A safetensors file: its 8-byte header length (the real one unless <paramref name="declared"/>), header, zeroed data.</summary>
    private static byte[] Raw(string header, long dataBytes, ulong? declared = null)
    {
        var json = Encoding.UTF8.GetBytes(header);
        var bytes = new byte[8 + json.Length + dataBytes];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, declared ?? (ulong)json.Length);
        json.CopyTo(bytes, 8);
        return bytes;
    }

    /// <summary>A well-formed file of <paramref name="tensors"/>, laid out one after another; <paramref name="cut"/> bytes short.</summary>
    private static byte[] Tensors(IEnumerable<(string Name, string Dtype, int[] Shape)> tensors, int cut = 0)
    {
        var header = new JsonObject();
        long offset = 0;
        foreach (var (name, dtype, shape) in tensors)
        {
            var size = shape.Aggregate(4L, (bytes, d) => bytes * d);
            header[name] = new JsonObject
            {
                ["dtype"] = dtype, ["shape"] = new JsonArray([.. shape.Select(d => (JsonNode)d)]), ["data_offsets"] = new JsonArray(offset, offset + size),
            };
            offset += size;
        }
        return Raw(header.ToJsonString(), offset - cut);
    }

    private static (string, string, int[])[] Replaced(int index, (string Name, string Dtype, int[] Shape) tensor) =>
        [.. Layout.Select((t, i) => i == index ? tensor : t)];

    public static TheoryData<string, byte[], string> Files => new()
    {
        { "empty", [], "is truncated: shorter than the 8-byte header length" },
        { "header past the end", Raw("{}", 0, declared: 4096), "declares a 4096-byte header but the file has 10 bytes" },
        { "header of 2^60 bytes", Raw("{}", 0, declared: 1UL << 60), "declares a 1152921504606846976-byte header" },
        { "header not JSON", Raw("""{"layers.0.weight":{"dtype":""", 0), "has a damaged header" },
        { "header nested 10000 deep", Raw(new string('[', 10_000) + new string(']', 10_000), 0), "has a damaged header" },
        { "shape of text", Raw("""{"layers.0.weight":{"dtype":"F32","shape":["4"],"data_offsets":[0,16]}}""", 16), "has a damaged header" },
        { "data cut short", Tensors(Layout, cut: 20), "tensor 'layers.3.bias' [10] lies at bytes 27200-27240 of the data, past its end at 27220" },
        { "offsets near the end of a long", Raw("""{"layers.0.weight":{"dtype":"F32","shape":[4,1,3,3],"data_offsets":[9223372036854775663,9223372036854775807]}}""", 144),
            "tensor 'layers.0.weight' [4, 1, 3, 3] lies at bytes 9223372036854775663-9223372036854775807 of the data, past its end at 144" },
        { "negative dimension", Raw("""{"layers.0.bias":{"dtype":"F32","shape":[-4],"data_offsets":[0,16]}}""", 16), "tensor 'layers.0.bias' [-4] has no size" },
        { "tensor missing", Tensors(Layout[..3]), "has 3 tensors but the spec needs 4; the first missing is 'layers.3.bias'" },
        { "tensor extra", Tensors([.. Layout, ("layers.4.weight", "F32", [10])]), "has tensor 'layers.4.weight' that the spec does not use (it needs 4 tensors)" },
        { "tensor renamed", Tensors(Replaced(1, ("layers.0.beta", "F32", [4]))), "has tensor 1 'layers.0.beta' [4] where the spec needs 'layers.0.bias' [4]" },
        { "shape wrong", Tensors(Replaced(2, ("layers.3.weight", "F32", [10, 675]))),
            "has tensor 2 'layers.3.weight' [10, 675] where the spec needs 'layers.3.weight' [10, 676]" },
        { "dtype wrong", Tensors(Replaced(1, ("layers.0.bias", "F16", [4]))), "tensor 'layers.0.bias' is F16; Versus reads F32 only" },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Should_NameTheFileTheTensorAndTheFix_When_TheWeightsBesideASpecAreHostile(string name, byte[] weights, string expected)
    {
        var (spec, path) = await SpecWithWeightsAsync(name.Replace(' ', '-'), weights);

        var line = await refusal.RunRefusedAsync("--workloads", spec, "--engines", "torchsharp");

        Assert.StartsWith($"error: {path}: ", line);
        Assert.Contains(expected, line);
        Assert.EndsWith(Fix, line);
        Assert.False(File.Exists(Path.Combine(temp.File("out"), "results.json")), "the run began");
    }

    [Theory]
    [InlineData("deploy")]
    [InlineData("resume")]
    public async Task Should_RefuseTheWeightsInOneLine_When_DeployOrResumeTakesThem(string command)
    {
        var (spec, path) = await SpecWithWeightsAsync("net", Tensors(Layout[..3]));
        var run = HandmadeRun.Of("20990101-cut", "cancelled", temp.File("cut"));
        var results = HandmadeRun.Write(run with { Options = run.Options with { Workloads = [spec] } });
        var before = await File.ReadAllTextAsync(results);
        string[] args = command == "deploy"
            ? ["deploy", "--quick", "--workloads", spec, "--out", temp.File("out"), "--db", refusal.Db]
            : ["run", "--resume", temp.File("cut"), "--db", refusal.Db];

        var line = await refusal.RefusedAsync(args);

        Assert.Equal($"error: {path}: has 3 tensors but the spec needs 4; the first missing is 'layers.3.bias'; "
            + "write it again in the canonical layout (docs/model-spec.md; 'versus import' writes one beside the spec it imports), " + Fix, line);
        Assert.Equal(before, await File.ReadAllTextAsync(results));
    }

    [Fact]
    public async Task Should_FailTheMeasurementsThatReadIt_When_TheRunsOwnWeightFileIsDamagedMidRun()
    {
        var spec = temp.File("tiny.json");
        await File.WriteAllTextAsync(spec, TestSpecs.Tiny);
        var weights = Path.Combine(temp.File("out"), "weights", "tiny.safetensors");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "versus.dll"), "run", "--quick", "--engines", "torchsharp", "--workloads", spec,
                     "--no-deploy", "--out", temp.File("out"), "--db", temp.File("mid-run.db") })
            info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        // The machine peak is kept; then, before the training's worker has read it, the workload's weight file is damaged.
        while (await process.StandardOutput.ReadLineAsync() is { } line && !line.StartsWith("[1/3] torchsharp machine fp32 matmul peak:", StringComparison.Ordinal)) { }
        await File.WriteAllBytesAsync(weights, Raw("{}", 0, declared: 1UL << 60));
        var rest = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await process.WaitForExitAsync(timeout.Token);

        Assert.True(process.ExitCode == ExitCodes.SomeMeasurementsFailed, $"exit {process.ExitCode}: {await rest} {await stderr}");
        Assert.DoesNotContain("   at ", await stderr);
        var run = ResultsJson.Deserialize<RunResults>(await File.ReadAllTextAsync(Path.Combine(temp.File("out"), "results.json")));
        Assert.Equal("completed-with-failures", run.Status);
        Assert.Equal(MeasurementStatus.Ok, run.Measurements[0].Status);
        Assert.All(run.Measurements.Skip(1), m =>
        {
            Assert.Equal(MeasurementStatus.Failed, m.Status);
            Assert.Contains($"engine failed 'prepare': ValidationException: {weights}: declares a 1152921504606846976-byte header", m.Reason);
        });
        Assert.True(File.Exists(Path.Combine(temp.File("out"), "report.md")));
        await using var store = await SqliteResultStore.OpenAsync(temp.File("mid-run.db"));
        var stored = (await store.LoadRunAsync(run.RunId))!;
        Assert.Equal(run.Status, stored.Status);
        Assert.Equal(run.Measurements.Select(m => (m.Status, m.Reason)), stored.Measurements.Select(m => (m.Status, m.Reason)));
    }

    /// <summary>The tiny spec as NAME.json with <paramref name="weights"/> beside it as NAME.safetensors.</summary>
    private async Task<(string Spec, string Weights)> SpecWithWeightsAsync(string name, byte[] weights)
    {
        var spec = temp.File($"{name}.json");
        await File.WriteAllTextAsync(spec, TestSpecs.Tiny);
        var path = Path.ChangeExtension(spec, ".safetensors");
        await File.WriteAllBytesAsync(path, weights);
        return (spec, path);
    }
}
