using Versus.Core.Results;
using Versus.Reports.Model;

namespace Versus.Reports.Rendering;

/// <summary>
/// Turns the format-neutral report into one file format. A renderer only lays out what <see cref="ReportDocument"/> says:
/// it computes no figure. <paramref name="results"/> is passed for formats that embed the run's data (HTML).
/// </summary>
public interface IReportRenderer
{
    ReportFormat Format { get; }

    /// <summary>The file name in a run folder ("report.md").</summary>
    string FileName { get; }

    string Render(ReportDocument report, RunResults results);
}
