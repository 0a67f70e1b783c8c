using System.Text;
using Versus.Engines.TorchSharp.Native;

namespace Versus.Engines.TorchSharp.Tests;

/// <summary>Deciding whether the patch is needed, and applying it safely.</summary>
// Unix file modes are used only after Skip.IfNot(OperatingSystem.IsLinux()), which the platform analyzer cannot see.
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class LibStdCxxCompatibilityTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("versus-libstdcxx-").FullName;

    [Theory]
    [InlineData("GLIBCXX_3.4.32", true)]
    [InlineData("GLIBCXX_3.4.33", false)]
    [InlineData("GLIBCXX_3.4.30", false)]
    public void Should_FindTheVersionOnlyAsAWholeString_When_SearchingALibrary(string newest, bool expected)
    {
        // GCC 13's libstdc++ lists every version up to its newest; a longer name ending in the version must not count.
        var path = Write("lib.so", $"\0GLIBCXX_3.4.30\0{newest}\0XGLIBCXX_3.4.32\0GLIBCXX_3.4.320\0");

        Assert.Equal(expected, LibStdCxxCompatibility.ProvidesVersion(path, LibStdCxxCompatibility.RequiredVersion));
    }

    [Fact]
    public void Should_TakeThePathOfTheMappedLibrary_When_ReadingProcMaps()
    {
        string[] maps =
        [
            "55d0c0a00000-55d0c0a01000 r--p 00000000 fe:00 1234                       /usr/bin/dotnet",
            "7f5793600000-7f5793800000 rw-p 00000000 00:00 0 ",
            "7f5793800000-7f5793899000 r--p 00000000 fe:00 332688                     /opt/gcc 13/lib64/libstdc++.so.6.0.32",
            "7f579399a000-7f5793a09000 r--p 0019a000 fe:00 332688                     /usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.30",
        ];

        Assert.Equal("/opt/gcc 13/lib64/libstdc++.so.6.0.32", LibStdCxxCompatibility.FindLoadedLibrary(maps, "libstdc++.so"));
        Assert.Null(LibStdCxxCompatibility.FindLoadedLibrary(maps[..2], "libstdc++.so"));
    }

    [SkippableFact]
    public void Should_FindTheLibStdCxxThisProcessUses_When_OnLinux()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "Linux only");

        var path = LibStdCxxCompatibility.FindLibStdCxx();

        Assert.NotNull(path);
        Assert.StartsWith("libstdc++.so", Path.GetFileName(path), StringComparison.Ordinal);
        Assert.True(File.Exists(path));
    }

    [SkippableFact]
    public void Should_FindLibTorchSharpInTheBuildOutput_When_ProbingTheApplicationFolders()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "Linux only");

        var path = LibStdCxxCompatibility.FindLibTorchSharp(LibStdCxxCompatibility.CandidateDirectories());

        Assert.Equal(Path.Combine(AppContext.BaseDirectory, LibStdCxxCompatibility.LibraryFileName), path);
    }

    [Fact]
    public void Should_NotTouchTheLibrary_When_TheSystemLibStdCxxProvidesTheVersion()
    {
        var library = Write(LibStdCxxCompatibility.LibraryFileName, "not even an ELF file: it must not be opened");
        var modern = Write("libstdc++.so.6", "\0GLIBCXX_3.4.31\0GLIBCXX_3.4.32\0");

        var report = LibStdCxxCompatibility.EnsureLoadable(library, modern);

        Assert.Equal(NativeCompatibilityAction.SystemLibraryProvidesVersion, report.Action);
        Assert.Equal("not even an ELF file: it must not be opened", File.ReadAllText(library));
    }

    [SkippableFact]
    public void Should_EndPatchedWithNoTemporaryFiles_When_ManyProcessesPatchAtOnce()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "Linux only");
        var library = Path.Combine(directory, LibStdCxxCompatibility.LibraryFileName);
        File.Copy(Path.Combine(AppContext.BaseDirectory, LibStdCxxCompatibility.LibraryFileName), library);
        var bytes = File.ReadAllBytes(library);
        foreach (var r in ElfVersionRequirements.Read(bytes).Where(r => r.Version == LibStdCxxCompatibility.RequiredVersion))
            bytes[r.FlagsOffset] &= unchecked((byte)~ElfVersionRequirements.WeakFlag);
        File.WriteAllBytes(library, bytes);
        var old = Write("libstdc++.so.6", "\0GLIBCXX_3.4.30\0");

        // Worker processes race on the same file; threads doing the same thing exercise the same rename protocol.
        var reports = Enumerable.Range(0, 8).AsParallel().WithDegreeOfParallelism(8)
            .Select(_ => LibStdCxxCompatibility.EnsureLoadable(library, old)).ToList();

        Assert.All(reports, r => Assert.Contains(r.Action, new[] { NativeCompatibilityAction.Patched, NativeCompatibilityAction.AlreadyCompatible }));
        Assert.True(ElfVersionRequirements.Read(File.ReadAllBytes(library)).Single(r => r.Version == LibStdCxxCompatibility.RequiredVersion).IsWeak);
        Assert.Equal(bytes.Length, new FileInfo(library).Length);
        Assert.Equal(2, Directory.GetFiles(directory).Length);
    }

    [SkippableFact]
    public void Should_SayHowToFixIt_When_TheFolderIsNotWritable()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "Linux only");
        var library = Path.Combine(directory, "locked", LibStdCxxCompatibility.LibraryFileName);
        Directory.CreateDirectory(Path.GetDirectoryName(library)!);
        File.Copy(Path.Combine(AppContext.BaseDirectory, LibStdCxxCompatibility.LibraryFileName), library);
        var bytes = File.ReadAllBytes(library);
        foreach (var r in ElfVersionRequirements.Read(bytes).Where(r => r.Version == LibStdCxxCompatibility.RequiredVersion))
            bytes[r.FlagsOffset] &= unchecked((byte)~ElfVersionRequirements.WeakFlag);
        File.WriteAllBytes(library, bytes);
        File.SetUnixFileMode(Path.GetDirectoryName(library)!, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            Skip.If(CanWrite(Path.GetDirectoryName(library)!), "this user (root) can write to a read-only folder");

            var e = Assert.Throws<NativeCompatibilityException>(() => LibStdCxxCompatibility.EnsureLoadable(library, Write("libstdc++.so.6", "\0GLIBCXX_3.4.30\0")));

            Assert.Contains(Path.GetDirectoryName(library)!, e.Fix, StringComparison.Ordinal);
            Assert.Contains("GLIBCXX_3.4.32", e.Message, StringComparison.Ordinal);
            Assert.Equal(bytes, File.ReadAllBytes(library));
        }
        finally
        {
            File.SetUnixFileMode(Path.GetDirectoryName(library)!, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllBytes(path, Encoding.ASCII.GetBytes(content));
        return path;
    }

    private static bool CanWrite(string folder)
    {
        try
        {
            File.WriteAllText(Path.Combine(folder, "probe"), "");
            File.Delete(Path.Combine(folder, "probe"));
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
