using Versus.Core.Results;
using Versus.Cli.Reporting;
using Versus.Reports;

namespace Versus.Cli.Output;

/// <summary>
/// The run's folder: results.json rewritten after every measurement (a crash leaves every finished result on disk),
/// and the reports (report.md, report.html) at the end. Writes go through a temporary file and a rename, so a reader never sees half a file.
/// </summary>
public sealed class RunOutput(string directory)
{
    public string Directory { get; } = directory;

    public string ResultsPath => Path.Combine(Directory, "results.json");

    public void WriteResults(RunResults results) => WriteAtomically(ResultsPath, ResultsJson.Serialize(results));

    /// <summary>The report in every run-folder format (report.md, report.html), composed once; returns the paths written.</summary>
    public IReadOnlyList<string> WriteReports(RunResults results)
    {
        var report = new ReportComposer().Compose(results);
        var paths = new List<string>();
        foreach (var renderer in ReportFormats.RunFolder)
        {
            var path = Path.Combine(Directory, renderer.FileName);
            WriteAtomically(path, renderer.Render(report, results));
            paths.Add(path);
        }
        return paths;
    }

    private static void WriteAtomically(string path, string content)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, content);
        File.Move(temporary, path, overwrite: true);
    }
}
