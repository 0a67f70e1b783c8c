using System.Diagnostics;
using Versus.Engines.TorchSharp.Native;

namespace Versus.Engines.TorchSharp.Tests;

/// <summary>The ELF patch on a copy of the real libLibTorchSharp.so from the build output.</summary>
// Unix file modes are used only after Skip.IfNot(OperatingSystem.IsLinux()), which the platform analyzer cannot see.
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ElfVersionRequirementsTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("versus-elf-").FullName;

    [SkippableFact]
    public void Should_ReadLibStdCxxRequirements_When_ParsingLibTorchSharp()
    {
        var requirements = ElfVersionRequirements.Read(Original());

        Assert.Contains(requirements, r => r is { File: "libstdc++.so.6", Version: "GLIBCXX_3.4.32" });
        Assert.Contains(requirements, r => r is { File: "libstdc++.so.6", Version: "CXXABI_1.3.1" });
        Assert.Contains(requirements, r => r.Version.StartsWith("GLIBC_2.", StringComparison.Ordinal));
        Assert.All(requirements, r => Assert.False(string.IsNullOrEmpty(r.File)));
    }

    [SkippableFact]
    public void Should_SetOnlyTheWeakFlagOfGlibcxx3432_When_PatchingACopy()
    {
        var before = Original();
        var copy = Copy(before);
        var oldLibStdCxx = FakeLibStdCxx("GLIBCXX_3.4.30");

        var report = LibStdCxxCompatibility.EnsureLoadable(copy, oldLibStdCxx);

        Assert.Equal(NativeCompatibilityAction.Patched, report.Action);
        var after = File.ReadAllBytes(copy);
        var target = Assert.Single(ElfVersionRequirements.Read(before), r => r.Version == LibStdCxxCompatibility.RequiredVersion);
        var differing = Enumerable.Range(0, before.Length).Where(i => before[i] != after[i]).ToList();
        Assert.Equal(before.Length, after.Length);
        Assert.Equal([target.FlagsOffset], differing);
        Assert.Equal(target.Flags | ElfVersionRequirements.WeakFlag, after[target.FlagsOffset] | after[target.FlagsOffset + 1] << 8);
        var patched = ElfVersionRequirements.Read(after);
        Assert.True(Assert.Single(patched, r => r.Version == LibStdCxxCompatibility.RequiredVersion).IsWeak);
        Assert.Equal(
            ElfVersionRequirements.Read(before).Where(r => r.Version != LibStdCxxCompatibility.RequiredVersion),
            patched.Where(r => r.Version != LibStdCxxCompatibility.RequiredVersion));
        Assert.Equal(File.GetUnixFileMode(Path.Combine(AppContext.BaseDirectory, LibStdCxxCompatibility.LibraryFileName)), File.GetUnixFileMode(copy));
        Assert.Equal([copy], Directory.GetFiles(directory, "*LibTorchSharp*"));
    }

    [SkippableFact]
    public void Should_LeaveTheFileUntouched_When_PatchedASecondTime()
    {
        var copy = Copy(Original());
        var oldLibStdCxx = FakeLibStdCxx("GLIBCXX_3.4.30");
        LibStdCxxCompatibility.EnsureLoadable(copy, oldLibStdCxx);
        var once = File.ReadAllBytes(copy);
        var written = File.GetLastWriteTimeUtc(copy);

        var report = LibStdCxxCompatibility.EnsureLoadable(copy, oldLibStdCxx);

        Assert.Equal(NativeCompatibilityAction.AlreadyCompatible, report.Action);
        Assert.Equal(once, File.ReadAllBytes(copy));
        Assert.Equal(written, File.GetLastWriteTimeUtc(copy));
    }

    [SkippableFact]
    public void Should_BeReportedWeakByReadelf_When_Patched()
    {
        var copy = Copy(Original());
        LibStdCxxCompatibility.EnsureLoadable(copy, FakeLibStdCxx("GLIBCXX_3.4.30"));

        string output;
        try
        {
            using var readelf = Process.Start(new ProcessStartInfo("readelf", ["-V", "-W", copy]) { RedirectStandardOutput = true })!;
            output = readelf.StandardOutput.ReadToEnd();
            readelf.WaitForExit();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new SkipException("readelf (binutils) is not installed");
        }

        var line = Assert.Single(output.Split('\n'), l => l.Contains("Name: GLIBCXX_3.4.32", StringComparison.Ordinal));
        Assert.Contains("Flags: WEAK", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_RejectTheFile_When_ItIsNotElf()
    {
        Assert.Throws<InvalidDataException>(() => ElfVersionRequirements.Read("#!/bin/sh\necho not a library\n"u8.ToArray().Concat(new byte[64]).ToArray()));
    }

    [SkippableFact]
    public void Should_RejectTheFile_When_ItIsTruncated()
    {
        var truncated = Original()[..4096];

        Assert.Throws<InvalidDataException>(() => ElfVersionRequirements.Read(truncated));
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    /// <summary>
    /// The library as the package ships it. Engine tests in this process may already have patched the build output's
    /// copy (that is the product working), so the weak bit is cleared again to get the shipped bytes back.
    /// </summary>
    private static byte[] Original()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "libLibTorchSharp.so is the Linux build");
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, LibStdCxxCompatibility.LibraryFileName));
        foreach (var r in ElfVersionRequirements.Read(bytes).Where(r => r.Version == LibStdCxxCompatibility.RequiredVersion && r.IsWeak))
            bytes[r.FlagsOffset] &= unchecked((byte)~ElfVersionRequirements.WeakFlag);
        return bytes;
    }

    private string Copy(byte[] bytes)
    {
        var path = Path.Combine(directory, LibStdCxxCompatibility.LibraryFileName);
        File.WriteAllBytes(path, bytes);
        File.SetUnixFileMode(path, File.GetUnixFileMode(Path.Combine(AppContext.BaseDirectory, LibStdCxxCompatibility.LibraryFileName)));
        return path;
    }

    private string FakeLibStdCxx(string newestVersion)
    {
        var path = Path.Combine(directory, $"libstdc++-{newestVersion}.so.6");
        File.WriteAllBytes(path, [0, .. "GLIBCXX_3.4\0"u8, .. System.Text.Encoding.ASCII.GetBytes(newestVersion + "\0"), 0]);
        return path;
    }
}
