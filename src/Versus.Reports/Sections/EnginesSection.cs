using System.Globalization;
using Versus.Core.Engines;
using Versus.Core.Results;
using Versus.Reports.Analysis;
using Versus.Reports.Formatting;
using Versus.Reports.Model;

namespace Versus.Reports.Sections;

/// <summary>
/// Each engine as planned, then as its workers actually reported it: the backend a worker fell back to (e.g. tfjs on
/// `cpu` where the native one is missing) is what the figures describe, so it is shown as reported, per measurement kind.
/// </summary>
internal sealed class EnginesSection : IReportSection
{
    public void Write(ReportBuilder report, ReportData data)
    {
        report.Heading(2, "Engines");
        var planned = new TableBuilder("Engine", "Usable here", "Summary", "Fix");
        foreach (var engine in data.Results.Engines)
            planned.Row(Labels.Code(engine.Id), engine.Usable ? "yes" : "no", engine.Summary, engine.Fix ?? SummaryText.Missing);
        if (planned.RowCount > 0) report.Table(planned);

        report.Heading(3, "As reported by their workers");
        var reported = data.All()
            .Where(m => m.EngineInfo is not null)
            .GroupBy(m => (m.Engine, Key: Key(m.EngineInfo!)))
            .ToList();
        if (reported.Count == 0)
        {
            report.Paragraph("No worker reported its engine (no measurement got as far as loading one).");
            return;
        }
        var table = new TableBuilder("Engine", "Framework", "Version", "Backend", "Host", "Threads", "Details", "Used for");
        foreach (var group in reported)
        {
            var info = group.First().EngineInfo!;
            var usedFor = group.Select(m => m.Kind == MeasurementKind.MachinePeak ? Labels.Kind(m.Kind) : $"{m.Workload} {Labels.Kind(m.Kind)}").Distinct(StringComparer.Ordinal);
            table.Row(Labels.Code(group.Key.Engine), info.Framework, info.Version, info.Backend, info.Host,
                info.ThreadControl is null ? info.Threads.ToString(CultureInfo.InvariantCulture) : SideText.Threads(info.Threads, info.ThreadControl),
                Details(info), string.Join(", ", usedFor));
        }
        report.Table(table);
    }

    private static string Key(EngineInfo info) =>
        string.Join('\u001f', info.Framework, info.Version, info.Backend, info.Host, info.Threads.ToString(CultureInfo.InvariantCulture), Details(info));

    private static string Details(EngineInfo info) =>
        info.Details.Count == 0 ? SummaryText.Missing : string.Join(", ", info.Details.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $"{d.Key}={d.Value}"));
}
