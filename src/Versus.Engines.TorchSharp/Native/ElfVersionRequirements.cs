using System.Buffers.Binary;
using System.Text;

namespace Versus.Engines.TorchSharp.Native;

/// <summary>
/// Reads and edits the symbol-version requirements (SHT_GNU_verneed, ".gnu.version_r") of a 64-bit little-endian ELF
/// file. Layouts follow the System V ABI and the LSB "Symbol Versioning" chapter; only the fields used are decoded.
/// </summary>
public static class ElfVersionRequirements
{
    /// <summary>VER_FLG_WEAK: the dynamic loader does not fail when the library lacks this version.</summary>
    public const ushort WeakFlag = 0x2;

    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const int SectionHeaderSize = 64;
    private const int VerneedSize = 16;
    private const int VernauxSize = 16;

    // A corrupt file must not send the walk round a cycle of vn_next/vna_next links forever.
    private const int MaxEntries = 100_000;

    public static IReadOnlyList<VersionRequirement> Read(ReadOnlySpan<byte> elf)
    {
        var (offset, size, count, stringsOffset, stringsSize) = FindVerneedSection(elf);
        var requirements = new List<VersionRequirement>();
        if (count == 0) return requirements;

        var section = Slice(elf, offset, size, ".gnu.version_r");
        var strings = Slice(elf, stringsOffset, stringsSize, "version string table");
        var entry = 0L;
        for (var i = 0; i < count && i < MaxEntries; i++)
        {
            var need = Slice(section, entry, VerneedSize, "Verneed entry");
            var auxCount = BinaryPrimitives.ReadUInt16LittleEndian(need[2..]);
            var file = ReadString(strings, BinaryPrimitives.ReadUInt32LittleEndian(need[4..]));
            var aux = entry + BinaryPrimitives.ReadUInt32LittleEndian(need[8..]);
            for (var j = 0; j < auxCount; j++)
            {
                var vernaux = Slice(section, aux, VernauxSize, "Vernaux entry");
                var flags = BinaryPrimitives.ReadUInt16LittleEndian(vernaux[4..]);
                var name = ReadString(strings, BinaryPrimitives.ReadUInt32LittleEndian(vernaux[8..]));
                requirements.Add(new VersionRequirement(file, name, flags, checked((int)(offset + aux + 4))));
                var nextAux = BinaryPrimitives.ReadUInt32LittleEndian(vernaux[12..]);
                if (nextAux == 0) break;
                aux += nextAux;
            }
            var next = BinaryPrimitives.ReadUInt32LittleEndian(need[12..]);
            if (next == 0) break;
            entry += next;
        }
        return requirements;
    }

    /// <summary>Sets VER_FLG_WEAK on every requirement of <paramref name="version"/>; returns how many were not weak before.</summary>
    public static int MarkWeak(Span<byte> elf, string version)
    {
        var changed = 0;
        foreach (var requirement in Read(elf))
        {
            if (requirement.Version != version || requirement.IsWeak) continue;
            BinaryPrimitives.WriteUInt16LittleEndian(elf[requirement.FlagsOffset..], (ushort)(requirement.Flags | WeakFlag));
            changed++;
        }
        return changed;
    }

    private static (long Offset, long Size, int Count, long StringsOffset, long StringsSize) FindVerneedSection(ReadOnlySpan<byte> elf)
    {
        if (elf.Length < 64 || !elf[..4].SequenceEqual("\u007fELF"u8))
            throw new InvalidDataException("not an ELF file (bad magic number)");
        if (elf[4] != 2 || elf[5] != 1)
            throw new InvalidDataException("not a 64-bit little-endian ELF file");

        var sectionTable = (long)BinaryPrimitives.ReadUInt64LittleEndian(elf[0x28..]);
        var entrySize = BinaryPrimitives.ReadUInt16LittleEndian(elf[0x3A..]);
        long sectionCount = BinaryPrimitives.ReadUInt16LittleEndian(elf[0x3C..]);
        if (sectionTable == 0) return (0, 0, 0, 0, 0);
        if (entrySize < SectionHeaderSize) throw new InvalidDataException($"section header entries of {entrySize} bytes are too small");
        // Extended numbering: with 0xff00 or more sections the real count lives in section 0's sh_size.
        if (sectionCount == 0) sectionCount = (long)BinaryPrimitives.ReadUInt64LittleEndian(Header(elf, sectionTable, entrySize, 0)[32..]);

        for (var i = 0L; i < sectionCount; i++)
        {
            var header = Header(elf, sectionTable, entrySize, i);
            if (BinaryPrimitives.ReadUInt32LittleEndian(header[4..]) != ShtGnuVerneed) continue;
            var offset = (long)BinaryPrimitives.ReadUInt64LittleEndian(header[24..]);
            var size = (long)BinaryPrimitives.ReadUInt64LittleEndian(header[32..]);
            var link = BinaryPrimitives.ReadUInt32LittleEndian(header[40..]);
            var count = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(header[44..]), MaxEntries);
            if (link >= sectionCount) throw new InvalidDataException($".gnu.version_r links to string table {link}, past the {sectionCount} sections");
            var strings = Header(elf, sectionTable, entrySize, link);
            return (offset, size, count, (long)BinaryPrimitives.ReadUInt64LittleEndian(strings[24..]), (long)BinaryPrimitives.ReadUInt64LittleEndian(strings[32..]));
        }
        return (0, 0, 0, 0, 0);
    }

    private static ReadOnlySpan<byte> Header(ReadOnlySpan<byte> elf, long table, int entrySize, long index) =>
        Slice(elf, table + index * entrySize, SectionHeaderSize, $"section header {index}");

    private static ReadOnlySpan<byte> Slice(ReadOnlySpan<byte> data, long offset, long length, string what)
    {
        if (offset < 0 || length < 0 || offset > data.Length - length)
            throw new InvalidDataException($"{what} lies outside the file (offset {offset}, {length} bytes, file {data.Length} bytes)");
        return data.Slice((int)offset, (int)length);
    }

    private static string ReadString(ReadOnlySpan<byte> table, uint offset)
    {
        if (offset >= table.Length) throw new InvalidDataException($"string offset {offset} lies outside the {table.Length}-byte string table");
        var rest = table[(int)offset..];
        var end = rest.IndexOf((byte)0);
        if (end < 0) throw new InvalidDataException($"string at offset {offset} is not terminated");
        return Encoding.ASCII.GetString(rest[..end]);
    }
}
