using Versus.Core.IO;

namespace Versus.Cli.Reporting;

/// <summary>A report file replaced whole (<see cref="DurableFile"/>): a reader never sees half a report, nor a power cut an empty one.</summary>
public static class ReportFile
{
    /// <summary>Why <paramref name="path"/> cannot take a report, checked before anything is loaded; null when it can.</summary>
    public static string? Problem(string path)
    {
        if (Directory.Exists(path)) return "is a folder; give a file name such as report.html";
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (Directory.Exists(folder)) return null;
        return FileAbove(folder) is { } file
            ? $"lies under {file}, a file rather than a folder; choose a file in a folder you can write to"
            : $"is in a folder that does not exist ({folder}); create it first";
    }

    /// <summary>The file that stands where <paramref name="folder"/> or a folder above it should be; null when there is none.</summary>
    private static string? FileAbove(string folder)
    {
        for (var at = folder; at is not null; at = Path.GetDirectoryName(at))
            if (File.Exists(at)) return at;
        return null;
    }

    public static void Write(string path, string text) => DurableFile.WriteAllText(path, text);
}
