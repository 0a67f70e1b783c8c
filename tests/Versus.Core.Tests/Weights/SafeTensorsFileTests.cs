using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using Versus.Core.Models;
using Versus.Core.Validation;
using Versus.Core.Weights;

namespace Versus.Core.Tests.Weights;

public sealed class SafeTensorsFileTests
{
    private static (ModelSpec Spec, ModelAnalysis Analysis) Load(string id, int? n = null)
    {
        var read = ModelSpecReader.ReadFile(RepoPaths.Workload(id), n);
        return (read.Spec!, read.Analysis!);
    }

    [Theory]
    [InlineData("small-cnn-28", null)]
    [InlineData("cnn-64", null)]
    [InlineData("depth", 4)]
    public void Should_ReadBackIdenticalTensors_When_Written(string id, int? n)
    {
        using var temp = new TempDirectory();
        var (spec, analysis) = Load(id, n);
        var weights = WeightInitializer.Create(spec, analysis, 42);

        SafeTensorsFile.Write(temp.File("w.safetensors"), weights);
        var back = SafeTensorsFile.Read(temp.File("w.safetensors"));

        Assert.Equal(weights.Tensors.Select(t => t.Name), back.Tensors.Select(t => t.Name));
        foreach (var (a, b) in weights.Tensors.Zip(back.Tensors))
        {
            Assert.Equal(a.Shape, b.Shape);
            Assert.Equal(a.Data, b.Data);
        }
        Assert.Equal("42", back.Metadata["seed"]);
    }

    [Fact]
    public void Should_FollowTheSafetensorsLayout_When_Written()
    {
        using var temp = new TempDirectory();
        var (spec, analysis) = Load("small-cnn-28");
        SafeTensorsFile.Write(temp.File("w.safetensors"), WeightInitializer.Create(spec, analysis, 1));

        var bytes = File.ReadAllBytes(temp.File("w.safetensors"));
        var headerLength = (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        using var header = JsonDocument.Parse(Encoding.UTF8.GetString(bytes, 8, headerLength));
        var conv = header.RootElement.GetProperty("layers.0.weight");

        Assert.Equal(0, (8 + headerLength) % 8);
        Assert.Equal("F32", conv.GetProperty("dtype").GetString());
        Assert.Equal([32, 1, 3, 3], conv.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(8 + headerLength + analysis.ParameterLayout.Sum(p => p.Elements) * 4, bytes.Length);
    }

    [Fact]
    public void Should_BeDeterministicPerSeed_When_Initialised()
    {
        var (spec, analysis) = Load("small-cnn-28");

        var a = WeightInitializer.Create(spec, analysis, 7);
        var b = WeightInitializer.Create(spec, analysis, 7);
        var c = WeightInitializer.Create(spec, analysis, 8);

        Assert.Equal(a["layers.2.weight"].Data, b["layers.2.weight"].Data);
        Assert.NotEqual(a["layers.2.weight"].Data, c["layers.2.weight"].Data);
    }

    [Fact]
    public void Should_StayWithinHeBound_When_Initialised()
    {
        var (spec, analysis) = Load("cnn-64", null);
        var weights = WeightInitializer.Create(spec, analysis, 3);

        var conv = weights["layers.4.weight"].Data;  // 64 x 32 x 3 x 3, fan_in 288
        var bound = Math.Sqrt(6.0 / 288);
        Assert.All(conv, v => Assert.InRange(v, -bound, bound));
        Assert.InRange(conv.Average(v => (double)v), -0.01, 0.01);
        Assert.InRange(Math.Sqrt(conv.Average(v => (double)v * v)), bound / Math.Sqrt(3) * 0.95, bound / Math.Sqrt(3) * 1.05);
        Assert.All(weights["layers.1.weight"].Data, v => Assert.Equal(1f, v));
        Assert.All(weights["layers.1.running_mean"].Data, v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Should_NameTheFile_When_Truncated()
    {
        using var temp = new TempDirectory();
        File.WriteAllBytes(temp.File("bad.safetensors"), [200, 0, 0, 0, 0, 0, 0, 0, (byte)'{']);

        var error = Assert.Throws<ValidationException>(() => SafeTensorsFile.Read(temp.File("bad.safetensors")));

        Assert.Contains("bad.safetensors", error.Errors[0].Source);
        Assert.Contains("truncated", error.Errors[0].Message);
    }
}
