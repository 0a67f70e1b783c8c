using System.Text;
using Versus.Core.Results;
using Versus.Reports.Cited;
using Versus.Reports.Markdown;

namespace Versus.Reports;

/// <summary>report.md of a run: the composed report through the Markdown renderer.</summary>
public sealed class MarkdownReport
{
    public const string FileName = "report.md";

    private readonly ReportComposer composer;

    public MarkdownReport()
        : this(CitedFacts.Load())
    {
    }

    public MarkdownReport(CitedFacts cited) => composer = new ReportComposer(cited);

    public string Render(RunResults results) => new MarkdownRenderer().Render(composer.Compose(results), results);

    /// <summary>Writes <see cref="FileName"/> into <paramref name="directory"/> (UTF-8, no BOM) and returns its path.</summary>
    public string Write(RunResults results, string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName);
        File.WriteAllText(path, Render(results), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }
}
