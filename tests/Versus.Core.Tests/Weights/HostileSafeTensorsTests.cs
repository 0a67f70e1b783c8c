using System.Buffers.Binary;
using System.Text;
using Versus.Core.Validation;
using Versus.Core.Weights;

namespace Versus.Core.Tests.Weights;

/// <summary>
/// Damaged and hostile safetensors files, for the reader alone: every case is one <see cref="ValidationException"/> with
/// one single-line error naming the file, never another exception type and never garbage read as weights. The same files
/// reached through the CLI (a spec's weights beside it) are Versus.Cli.Tests' HostileWeightsTests.
/// </summary>
public sealed class HostileSafeTensorsTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private const string Good = """{"w":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}""";

    private static byte[] File(ulong declaredLength, string header, int dataBytes)
    {
        var json = Encoding.UTF8.GetBytes(header);
        var bytes = new byte[8 + json.Length + dataBytes];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, declaredLength);
        json.CopyTo(bytes, 8);
        return bytes;
    }

    private static byte[] File(string header, int dataBytes = 8) => File((ulong)Encoding.UTF8.GetByteCount(header), header, dataBytes);

    public static TheoryData<string, byte[], string> Files => new()
    {
        { "empty", [], "truncated" },
        { "length past the end", File(4096, Good, 8), "declares a 4096-byte header" },
        { "length of 2^60", File(1UL << 60, Good, 8), "declares a 1152921504606846976-byte header" },
        { "length of 2^64-1", File(ulong.MaxValue, Good, 8), "header" },
        { "header not json", File("{\"w\": nope"), "damaged header" },
        { "header an array", File("[1,2,3]"), "damaged header" },
        { "tensor not an object", File("""{"w":5}"""), "damaged header" },
        { "dtype missing", File("""{"w":{"shape":[2],"data_offsets":[0,8]}}"""), "damaged header" },
        { "shape missing", File("""{"w":{"dtype":"F32","data_offsets":[0,8]}}"""), "damaged header" },
        { "shape of strings", File("""{"w":{"dtype":"F32","shape":["2"],"data_offsets":[0,8]}}"""), "damaged header" },
        { "shape past int", File("""{"w":{"dtype":"F32","shape":[4294967296],"data_offsets":[0,8]}}"""), "damaged header" },
        { "offset past long", File("""{"w":{"dtype":"F32","shape":[2],"data_offsets":[0,99999999999999999999]}}"""), "damaged header" },
        { "metadata not strings", File("""{"__metadata__":{"seed":42},"w":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}"""), "damaged header" },
        { "F16 dtype", File("""{"w":{"dtype":"F16","shape":[2],"data_offsets":[0,4]}}""", 4), "tensor 'w' is F16; Versus reads F32 only" },
        { "offsets past the end", File("""{"w":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}""", 4), "tensor 'w' [2] lies at bytes 0-8 of the data, past its end at 4" },
        { "offsets reach 2^60", File("""{"w":{"dtype":"F32","shape":[2],"data_offsets":[1152921504606846976,1152921504606846984]}}"""), "tensor 'w'" },
        { "negative offsets", File("""{"w":{"dtype":"F32","shape":[2],"data_offsets":[-8,0]}}"""), "tensor 'w'" },
        { "two negative dimensions", File("""{"w":{"dtype":"F32","shape":[-1,-2],"data_offsets":[0,8]}}"""), "tensor 'w'" },
        { "shape larger than data", File("""{"w":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}"""), "tensor 'w'" },
        { "three offsets", File("""{"w":{"dtype":"F32","shape":[2],"data_offsets":[0,8,16]}}""", 16), "tensor 'w'" },
        { "offsets near the end of a long", File("""{"w":{"dtype":"F32","shape":[2],"data_offsets":[9223372036854775799,9223372036854775807]}}"""),
            "tensor 'w' [2] lies at bytes 9223372036854775799-9223372036854775807 of the data, past its end at 8" },
        { "dimensions past a long", File("""{"w":{"dtype":"F32","shape":[2147483647,2147483647,2147483647],"data_offsets":[0,8]}}"""),
            "tensor 'w' [2147483647, 2147483647, 2147483647] has no size" },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Should_NameTheFileInOneLine_When_TheWeightFileIsHostile(string name, byte[] bytes, string expected)
    {
        var path = temp.File($"{name.Replace(' ', '-')}.safetensors");
        System.IO.File.WriteAllBytes(path, bytes);

        var error = Assert.Single(Assert.Throws<ValidationException>(() => SafeTensorsFile.Read(path)).Errors);

        Assert.Equal(path, error.Source);
        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain('\n', error.ToString());
    }
}
