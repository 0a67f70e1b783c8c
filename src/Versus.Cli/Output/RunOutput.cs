using Versus.Core.IO;
using Versus.Core.Results;
using Versus.Cli.Reporting;
using Versus.Reports;

namespace Versus.Cli.Output;

/// <summary>
/// The run's folder: results.json rewritten after every measurement (a crash leaves every finished result on disk),
/// and the reports (report.md, report.html) at the end. Each replaces its file whole (<see cref="DurableFile"/>): a
/// reader never sees half a file, nor does a power cut leave an empty one.
/// </summary>
public sealed class RunOutput(string directory)
{
    public string Directory { get; } = directory;

    public string ResultsPath => Path.Combine(Directory, "results.json");

    public void WriteResults(RunResults results) => DurableFile.WriteAllText(ResultsPath, ResultsJson.Serialize(results));

    /// <summary>The report in every run-folder format (report.md, report.html), composed once; returns the paths written.</summary>
    public IReadOnlyList<string> WriteReports(RunResults results)
    {
        var report = new ReportComposer().Compose(results);
        var paths = new List<string>();
        foreach (var renderer in ReportFormats.RunFolder)
        {
            var path = Path.Combine(Directory, renderer.FileName);
            DurableFile.WriteAllText(path, renderer.Render(report, results));
            paths.Add(path);
        }
        return paths;
    }
}
