using System.Text;

namespace Versus.Cli.Reporting;

/// <summary>A report file written through a temporary file and a rename: a reader never sees half a report.</summary>
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

    public static void Write(string path, string text)
    {
        var temporary = path + ".tmp";
        try
        {
            File.WriteAllText(temporary, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
