using System.Runtime.InteropServices;
using System.Text;
using Versus.Core.IO;

namespace Versus.Engines.TorchSharp.Native;

/// <summary>
/// The one place that makes TorchSharp-cpu 0.107.0 load on Linux distributions with GCC 12's libstdc++ (Debian 12,
/// Ubuntu 22.04). Its libLibTorchSharp.so was linked against GCC 13 and so declares a requirement on symbol version
/// GLIBCXX_3.4.32 for a single symbol that is never called; the dynamic loader refuses the whole library when the system
/// libstdc++ lacks that version, and TorchSharp then fails with a TypeInitializationException on first use. Marking that
/// one requirement weak (VER_FLG_WEAK in .gnu.version_r) lets the loader accept it. The patch is applied only when the
/// libstdc++ this process uses lacks the version, only to the application's own copy of the library (never the NuGet
/// cache), and by writing a patched copy then renaming it over the original, so concurrent worker processes (which may
/// race here) each see a complete file and processes that already mapped the old file are unaffected.
/// Must run before anything touches TorchSharp's <c>torch</c> class.
/// </summary>
public static class LibStdCxxCompatibility
{
    public const string LibraryFileName = "libLibTorchSharp.so";

    public const string RequiredVersion = "GLIBCXX_3.4.32";

    private const string LibStdCxxFileName = "libstdc++.so.6";

    private static readonly string[] StandardLibraryDirectories =
    [
        "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib/aarch64-linux-gnu",
        "/usr/lib64", "/lib64", "/usr/lib", "/lib",
    ];

    private static readonly Lock Gate = new();
    private static NativeCompatibilityReport? processReport;

    /// <summary>Checks, and patches if needed, the library this process will load. Runs once per process; later calls return the first report.</summary>
    public static NativeCompatibilityReport EnsureLoadable()
    {
        lock (Gate)
        {
            if (processReport is not null) return processReport;
            if (!OperatingSystem.IsLinux())
                return processReport = new(NativeCompatibilityAction.NotLinux, null, null, "not Linux: no libstdc++ version check needed");
            var library = FindLibTorchSharp(CandidateDirectories());
            if (library is null)
                return processReport = new(NativeCompatibilityAction.LibraryNotFound, null, null, $"{LibraryFileName} not found next to the application");
            return processReport = EnsureLoadable(library, FindLibStdCxx());
        }
    }

    /// <summary>
    /// Checks <paramref name="libraryPath"/> against the libstdc++ at <paramref name="libStdCxxPath"/> (null when it
    /// cannot be found: then the requirement is made weak anyway, which is harmless where the version exists).
    /// </summary>
    public static NativeCompatibilityReport EnsureLoadable(string libraryPath, string? libStdCxxPath)
    {
        if (libStdCxxPath is not null && ProvidesVersion(libStdCxxPath, RequiredVersion))
            return new(NativeCompatibilityAction.SystemLibraryProvidesVersion, libraryPath, libStdCxxPath, $"{libStdCxxPath} provides {RequiredVersion}; {LibraryFileName} loads unmodified");

        var system = libStdCxxPath ?? "no libstdc++ found";
        var bytes = File.ReadAllBytes(libraryPath);
        if (ElfVersionRequirements.MarkWeak(bytes, RequiredVersion) == 0)
            return new(NativeCompatibilityAction.AlreadyCompatible, libraryPath, libStdCxxPath, $"{LibraryFileName} has no strong {RequiredVersion} requirement (already patched); system: {system}");

        ReplaceAtomically(libraryPath, bytes);
        return new(NativeCompatibilityAction.Patched, libraryPath, libStdCxxPath, $"{LibraryFileName}'s unused {RequiredVersion} requirement marked weak because {system} lacks it");
    }

    /// <summary>Where the application's native libraries may be: flat next to the app (RID-specific build) or under runtimes/.</summary>
    public static IEnumerable<string> CandidateDirectories()
    {
        var roots = new List<string> { AppContext.BaseDirectory };
        var torchSharpDirectory = Path.GetDirectoryName(typeof(global::TorchSharp.torch).Assembly.Location);
        if (!string.IsNullOrEmpty(torchSharpDirectory)) roots.Add(torchSharpDirectory);
        foreach (var root in roots.Distinct())
        {
            yield return root;
            yield return Path.Combine(root, "runtimes", RuntimeInformation.RuntimeIdentifier, "native");
            yield return Path.Combine(root, "runtimes", "linux-x64", "native");
        }
    }

    public static string? FindLibTorchSharp(IEnumerable<string> directories) =>
        directories.Select(d => Path.Combine(d, LibraryFileName)).FirstOrDefault(File.Exists);

    /// <summary>The libstdc++ the dynamic loader will bind: the one already mapped into this process (the .NET runtime links it), else the standard location.</summary>
    public static string? FindLibStdCxx()
    {
        try
        {
            var loaded = FindLoadedLibrary(File.ReadLines("/proc/self/maps"), "libstdc++.so");
            if (loaded is not null) return loaded;
        }
        catch (IOException)
        {
            // No procfs (some containers): fall through to the standard locations.
        }
        catch (UnauthorizedAccessException)
        {
        }
        return StandardLibraryDirectories.Select(d => Path.Combine(d, LibStdCxxFileName)).FirstOrDefault(File.Exists);
    }

    /// <summary>The path of the first mapped file in /proc/self/maps lines whose file name starts with <paramref name="fileNamePrefix"/>.</summary>
    public static string? FindLoadedLibrary(IEnumerable<string> mapsLines, string fileNamePrefix)
    {
        foreach (var line in mapsLines)
        {
            // Format: address perms offset dev inode path; the path is the only field that starts with '/'.
            var slash = line.IndexOf('/', StringComparison.Ordinal);
            if (slash < 0) continue;
            var path = line[slash..].TrimEnd();
            if (path.EndsWith(" (deleted)", StringComparison.Ordinal)) continue;
            if (Path.GetFileName(path).StartsWith(fileNamePrefix, StringComparison.Ordinal)) return path;
        }
        return null;
    }

    /// <summary>Whether the library defines <paramref name="version"/>: its version names are NUL-terminated strings in .dynstr.</summary>
    public static bool ProvidesVersion(string libraryPath, string version)
    {
        var needle = Encoding.ASCII.GetBytes(version + "\0");
        var bytes = File.ReadAllBytes(libraryPath);
        var span = bytes.AsSpan();
        for (var at = span.IndexOf(needle); at >= 0; at = NextMatch(span, needle, at))
        {
            // Preceded by NUL: the whole string, not the tail of a longer name.
            if (at == 0 || span[at - 1] == 0) return true;
        }
        return false;
    }

    private static int NextMatch(ReadOnlySpan<byte> span, ReadOnlySpan<byte> needle, int previous)
    {
        var next = span[(previous + 1)..].IndexOf(needle);
        return next < 0 ? -1 : previous + 1 + next;
    }

    private static void ReplaceAtomically(string path, byte[] bytes)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            // rename(2): atomic, so a process loading the library concurrently sees the old or the new file, never half of one.
            DurableFile.Write(path, file =>
            {
                file.Write(bytes);
                if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file.SafeFileHandle, File.GetUnixFileMode(path));
            }, temporary);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new NativeCompatibilityException(
                $"TorchSharp's {path} requires {RequiredVersion} (GCC 13's libstdc++) and this system's libstdc++ is older, so it cannot load. " +
                $"Versus makes it loadable by marking that unused requirement weak in the file, but cannot write to {directory} ({e.Message}).",
                $"run Versus once as a user who can write to {directory} (its owner, or with sudo), which patches the file for everyone; " +
                $"or make the folder writable (chmod u+w '{directory}'); or install libstdc++ from GCC 13 or newer (Debian 13, Ubuntu 24.04).",
                e);
        }
    }
}
