using Versus.Core.Results;
using Versus.Reports.Model;

namespace Versus.Reports.Formatting;

/// <summary>
/// The note a finished measurement carries (too few samples, a budget cut short, a size not timed), as the cell beside
/// its figures: in the report model, so Markdown, HTML and JSON all show it where the figure is read.
/// </summary>
internal static class MeasurementNote
{
    public const string Column = "Notes";

    public static Text Cell(MeasurementRecord m) =>
        m.Status == MeasurementStatus.Ok && m.Reason is { Length: > 0 } note ? Text.Strong(note) : SummaryText.Missing;
}
