using System.Globalization;
using Versus.Reports.Analysis;
using Versus.Reports.Formatting;
using Versus.Reports.Model;

namespace Versus.Reports.Sections;

/// <summary>What was run, when, how it ended and how it was sampled: the frame every figure below is read in.</summary>
internal sealed class HeaderSection : IReportSection
{
    public void Write(ReportBuilder report, ReportData data)
    {
        var r = data.Results;
        var o = r.Options;
        report.Heading(1, "Versus report: run " + Labels.Code(r.RunId));
        var finished = r.FinishedAt is { } end
            ? $"{Timestamp(end)} (after {Units.Format((end - r.StartedAt).TotalSeconds, "s")})"
            : "not finished";
        var table = new TableBuilder("Run", "Value")
            .Row("Run id", Labels.Code(r.RunId))
            .Row("Started", Timestamp(r.StartedAt))
            .Row("Finished", finished)
            .Row("Status", r.Status)
            .Row("Results schema", r.SchemaVersion)
            .Row("Engines requested", string.Join(", ", o.Engines))
            .Row("Workloads requested", string.Join(", ", o.Workloads))
            .Row("Threads per engine", o.Threads.ToString(CultureInfo.InvariantCulture))
            .Row("Data", Data(r))
            .Row("Seed", o.Seed.ToString(CultureInfo.InvariantCulture))
            .Row("Quick run", o.Quick ? "yes" : "no")
            .Row("Epochs", o.Epochs?.ToString(CultureInfo.InvariantCulture) ?? "each workload's own")
            .Row("Sampling", FormattableString.Invariant(
                $"until the 95% interval of the median is within ±{o.TargetRelativeHalfWidth * 100:0.#}% of it, or {Units.Format(o.MeasurementBudgetSeconds, "s")} per measurement"))
            .Row("Statistics", r.StatisticsMethod)
            .Row("Cited figures", $"cited-facts.json version {data.Cited.Version}: {data.Cited.Deck}");
        report.Table(table);
        report.Paragraph(
            "Rows labelled " + Text.Strong(Labels.Measured) + " come from this run. Rows labelled " + Text.Strong("cited (source)") + " are the deck's figures " +
            "exactly as the deck states them, with the source it names; a note under each table says why they cannot be compared. " +
            "Intervals are 95% confidence intervals of the median; ratios are medians' ratios with bootstrap intervals.");
    }

    /// <summary>What each workload trained and tested on, with the image counts: one line where every workload used the same.</summary>
    private static string Data(Core.Results.RunResults r)
    {
        var groups = r.Workloads.GroupBy(w => w.Dataset).ToList();
        return groups.Count switch
        {
            0 => r.Options.Data,
            1 => groups[0].Key,
            _ => string.Join("; ", groups.Select(g => $"{string.Join(", ", g.Select(w => w.Id))}: {g.Key}")),
        };
    }

    private static string Timestamp(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
