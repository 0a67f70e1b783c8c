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
        if (!Directory.Exists(folder)) return $"is in a folder that does not exist ({folder}); create it first";
        return null;
    }

    public static void Write(string path, string text) => DurableFile.WriteAllText(path, text);
}
