using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Versus.Core.IO;
using Versus.Core.Validation;

namespace Versus.Core.Weights;

/// <summary>
/// The safetensors format (huggingface/safetensors): an 8-byte little-endian header length, a JSON header naming each
/// tensor's dtype, shape and byte range, then the raw little-endian data. Only F32 is written or accepted. The format is
/// a page of spec, so it is implemented here rather than pulling an engine's library into the core.
/// </summary>
public static class SafeTensorsFile
{
    private const long MaxHeaderBytes = 100_000_000;

    public static void Write(string path, WeightSet weights)
    {
        using var header = new MemoryStream();
        using (var json = new Utf8JsonWriter(header))
        {
            json.WriteStartObject();
            json.WriteStartObject("__metadata__");
            foreach (var (key, value) in weights.Metadata) json.WriteString(key, value);
            json.WriteEndObject();
            long offset = 0;
            foreach (var t in weights.Tensors)
            {
                json.WriteStartObject(t.Name);
                json.WriteString("dtype", "F32");
                json.WriteStartArray("shape");
                foreach (var d in t.Shape) json.WriteNumberValue(d);
                json.WriteEndArray();
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(offset);
                json.WriteNumberValue(offset += t.Elements * sizeof(float));
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        // Pad the header with spaces so the data starts 8-byte aligned, as the reference writer does.
        while (header.Length % 8 != 0) header.WriteByte((byte)' ');

        DurableFile.Write(path, file =>
        {
            Span<byte> length = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)header.Length);
            file.Write(length);
            header.Position = 0;
            header.CopyTo(file);
            foreach (var t in weights.Tensors) WriteFloats(file, t.Data);
        });
    }

    public static WeightSet Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Invalid(path, $"cannot be read ({e.Message})");
        }
        if (bytes.Length < 8) throw Invalid(path, "is truncated: shorter than the 8-byte header length");
        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        if (headerLength > MaxHeaderBytes || (long)headerLength > bytes.Length - 8)
            throw Invalid(path, $"declares a {headerLength}-byte header but the file has {bytes.Length} bytes; it is not a safetensors file or is truncated");

        var dataStart = 8 + (int)headerLength;
        try
        {
            return ReadTensors(path, bytes, dataStart);
        }
        // The header is JSON from the file: a missing field, a wrong type or a number past long is a damaged file.
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or OverflowException)
        {
            throw Invalid(path, $"has a damaged header ({e.Message.Split(Environment.NewLine)[0]}); it is not a safetensors file Versus wrote");
        }
    }

    private static WeightSet ReadTensors(string path, byte[] bytes, int dataStart)
    {
        using var doc = JsonDocument.Parse(bytes.AsMemory(8, dataStart - 8));
        var metadata = new Dictionary<string, string>();
        var tensors = new List<(long Start, NamedTensor Tensor)>();
        foreach (var entry in doc.RootElement.EnumerateObject())
        {
            if (entry.Name == "__metadata__")
            {
                foreach (var m in entry.Value.EnumerateObject()) metadata[m.Name] = m.Value.GetString() ?? "";
                continue;
            }
            var dtype = entry.Value.GetProperty("dtype").GetString();
            if (dtype != "F32") throw Invalid(path, $"tensor '{entry.Name}' is {dtype}; Versus reads F32 only");
            var shape = entry.Value.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()).ToArray();
            var offsets = entry.Value.GetProperty("data_offsets").EnumerateArray().Select(e => e.GetInt64()).ToArray();
            if (Problem(entry.Name, shape, offsets, bytes.Length - dataStart) is { } problem) throw Invalid(path, problem);
            // Checked above: the range lies inside the data, so both ends fit an int.
            var data = new float[(offsets[1] - offsets[0]) / sizeof(float)];
            MemoryMarshal.Cast<byte, float>(bytes.AsSpan(dataStart + (int)offsets[0], (int)(offsets[1] - offsets[0]))).CopyTo(data);
            if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("Big-endian hosts are not supported.");
            tensors.Add((offsets[0], new NamedTensor(entry.Name, shape, data)));
        }
        // Canonical order is the order of the data in the file, which is how Write lays it out.
        return new WeightSet([.. tensors.OrderBy(t => t.Start).Select(t => t.Tensor)], metadata);
    }

    /// <summary>
    /// Why a tensor's entry does not describe bytes of a data section <paramref name="dataBytes"/> long; null when it
    /// does. Every sum stays below <paramref name="dataBytes"/>: offsets near the end of a long cannot wrap past the check.
    /// </summary>
    private static string? Problem(string name, int[] shape, long[] offsets, long dataBytes)
    {
        var tensor = $"tensor '{name}' [{string.Join(", ", shape)}]";
        if (offsets.Length != 2 || offsets[0] < 0 || offsets[1] < offsets[0])
            return $"{tensor} has data offsets [{string.Join(", ", offsets)}], not a start and an end";
        if (ByteSize(shape) is not { } size)
            return $"{tensor} has no size: a dimension is negative, or it holds more than a file can";
        if (offsets[1] - offsets[0] != size)
            return $"{tensor} needs {size} bytes but its data offsets [{offsets[0]}, {offsets[1]}] hold {offsets[1] - offsets[0]}";
        if (offsets[1] > dataBytes)
            return $"{tensor} lies at bytes {offsets[0]}-{offsets[1]} of the data, past its end at {dataBytes}; the file is truncated";
        return null;
    }

    private static long? ByteSize(int[] shape)
    {
        if (shape.Any(d => d < 0)) return null;
        try
        {
            return shape.Aggregate((long)sizeof(float), (bytes, d) => checked(bytes * d));
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static void WriteFloats(Stream stream, float[] data) =>
        stream.Write(MemoryMarshal.AsBytes(data.AsSpan()));

    private static ValidationException Invalid(string path, string message) =>
        new(new ValidationError(path, "", message));
}
