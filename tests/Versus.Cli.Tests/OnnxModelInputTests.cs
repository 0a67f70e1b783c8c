using Google.Protobuf;
using Microsoft.Data.Sqlite;
using Onnx;
using Versus.Import.Onnx.Tests;
using Versus.Store;
using static Versus.Import.Onnx.Tests.OnnxModelBuilder;

namespace Versus.Cli.Tests;

/// <summary>
/// ONNX files Versus refuses, through the real CLI (issue 12, item 5): "versus run --workloads bad.onnx" and "versus
/// import bad.onnx" each answer one line naming the file and the problem, exit 2, store nothing and write no spec.
/// </summary>
public sealed class OnnxModelInputTests : IDisposable
{
    private const string SeededRun = "20990101-seeded";
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(120);
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private static (OnnxModelBuilder Builder, string Output) Valid(OnnxModelBuilder? start = null)
    {
        var b = start ?? Image(3, 8, 8);
        var conv = b.Node("Conv", "/conv/Conv", ["x", b.Weight("conv.weight", 4, 3, 3, 3)]);
        var pooled = b.Node("GlobalAveragePool", "/pool/GlobalAveragePool", [conv]);
        var flat = b.Node("Flatten", "/Flatten", [pooled], Int("axis", 1));
        return (b, b.Node("Gemm", "/fc/Gemm", [flat, b.Weight("fc.weight", 5, 4)], Int("transB", 1)));
    }

    public static TheoryData<string, string> Cases => new()
    {
        { "not onnx", "is not an ONNX model or is truncated" },
        { "truncated", "is not an ONNX model or is truncated" },
        { "unsupported op", "node '/norm/LRN' (LRN) is not supported: op type 'LRN' has no mapping; supported: Conv," },
        { "dynamic height", "input 'x' has a dynamic height ('h')" },
        { "two inputs", "has 2 inputs ('x', 'mask')" },
        { "two outputs", "has 2 outputs" },
        { "old opset", "has opset 7; supported: 9 to 22" },
        { "short initializer", "initializer 'conv.weight' has 424 bytes of data but its shape needs 108 values" },
        { "cycle", "has a cycle through nodes '/conv/Conv', '/pool/GlobalAveragePool', '/Flatten'" },
    };

    private string Write(string name)
    {
        var path = temp.File(name.Replace(' ', '-') + ".onnx");
        if (name == "not onnx")
        {
            File.WriteAllText(path, "{\"id\": \"a spec, not a model\"}\n");
            return path;
        }
        var start = name == "two inputs" ? Image(3, 8, 8).Input("mask", Dim("batch"), Dim(1)) : null;
        if (name == "unsupported op")
        {
            start = Image(3, 8, 8);
            start.Node("LRN", "/norm/LRN", ["x"], Int("size", 3));
        }
        var (b, output) = Valid(start);
        if (name == "unsupported op") b.Graph.Node.Single(n => n.OpType == "Conv").Input[0] = b.Graph.Node[0].Output[0];
        if (name == "dynamic height") b.Graph.Input[0].Type.TensorType.Shape.Dim[2] = Dim("h");
        if (name == "two outputs") b.Output(output, Dim("batch"), Dim(5)).Output("features", Dim("batch"), Dim(4));
        if (name == "old opset") b.Opset(7);
        if (name == "cycle") b.Graph.Node.Single(n => n.OpType == "Conv").Input[0] = b.Graph.Node.Single(n => n.OpType == "Flatten").Output[0];
        var model = b.Build(output, 5);
        if (name == "short initializer")
        {
            var weight = model.Graph.Initializer.Single(i => i.Name == "conv.weight");
            weight.RawData = ByteString.CopyFrom(weight.RawData.Span[..^8]);
        }
        var bytes = model.ToByteArray();
        File.WriteAllBytes(path, name == "truncated" ? bytes[..(bytes.Length * 2 / 3)] : bytes);
        return path;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Should_RefuseWithOneLineAndStoreNothing_When_RunIsGivenABadOnnxFile(string name, string expected)
    {
        var db = temp.File("results.db");
        await using (var store = await SqliteResultStore.OpenAsync(db))
            await store.BeginRunAsync(HandmadeRun.Of(SeededRun, "completed", temp.File("seeded")) with { Measurements = [] });
        var path = Write(name);

        var line = await RefusedAsync("run", "--quick", "--engines", "onnxruntime", "--workloads", path, "--db", db, "--out", temp.File("out"));

        Assert.Contains(path, line);
        Assert.Contains(expected, line);
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Pooling = false }.ToString());
        connection.Open();
        using var runs = connection.CreateCommand();
        runs.CommandText = "SELECT group_concat(id) FROM runs";
        Assert.Equal(SeededRun, runs.ExecuteScalar());
    }

    [Theory]
    [InlineData("not onnx", "is not an ONNX model or is truncated")]
    [InlineData("unsupported op", "(LRN) is not supported")]
    [InlineData("cycle", "has a cycle through nodes")]
    public async Task Should_RefuseAndWriteNoSpec_When_ImportIsGivenABadOnnxFile(string name, string expected)
    {
        var path = Write(name);
        var spec = temp.File("spec.json");

        var line = await RefusedAsync("import", path, "--out", spec);

        Assert.Contains(expected, line);
        Assert.False(File.Exists(spec));
        Assert.False(File.Exists(temp.File("spec.safetensors")));
    }

    [Fact]
    public async Task Should_Refuse_When_ImportMixesTheModelAndResultsOptions()
    {
        Assert.Contains("--db applies to importing a run's results.json", await RefusedAsync("import", Write("cycle"), "--db", temp.File("r.db")));
        Assert.Contains("--out applies to importing an .onnx model", await RefusedAsync("import", temp.File("results.json"), "--out", temp.File("s.json")));
    }

    private static async Task<string> RefusedAsync(params string[] args)
    {
        var result = await VersusProcess.RunAsync(Limit, args);
        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}: {result.Stderr}");
        Assert.DoesNotContain("   at ", result.Stderr);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line);
        return line;
    }
}
