using Versus.Core.Results;
using Versus.Reports;

namespace Versus.Cli.Output;

/// <summary>
/// The run's folder: results.json rewritten after every measurement (a crash leaves every finished result on disk),
/// and report.md at the end. Writes go through a temporary file and a rename, so a reader never sees half a file.
/// </summary>
public sealed class RunOutput(string directory)
{
    public string Directory { get; } = directory;

    public string ResultsPath => Path.Combine(Directory, "results.json");

    public string ReportPath => Path.Combine(Directory, "report.md");

    public void WriteResults(RunResults results) => WriteAtomically(ResultsPath, ResultsJson.Serialize(results));

    public void WriteReport(RunResults results) => WriteAtomically(ReportPath, new MarkdownReport().Render(results));

    private static void WriteAtomically(string path, string content)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, content);
        File.Move(temporary, path, overwrite: true);
    }
}
