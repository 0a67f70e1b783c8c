using System.Globalization;
using Versus.Core.Results;
using Versus.Core.Statistics;
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
                $"until the 95% interval of the median is within ±{o.TargetRelativeHalfWidth * 100:0.#}% of it, or its phase's budget is spent"))
            .Row("Budgets", Budgets(o))
            .Row("Warm-up", Warmup(o.Budgets))
            .Row("Intervals", $"none under {IntervalRule.MinimumSamples} samples (a median alone, flagged): below that no 95% interval is honest")
            .Row("Statistics", r.StatisticsMethod)
            .Row("Cited figures", $"cited-facts.json version {data.Cited.Version}: {data.Cited.Deck}");
        report.Table(table);
        report.Paragraph(
            "Rows labelled " + Text.Strong(Labels.Measured) + " come from this run. Rows labelled " + Text.Strong("cited (source)") + " are the deck's figures " +
            "exactly as the deck states them, with the source it names; a note under each table says why they cannot be compared. " +
            "Intervals are 95% confidence intervals of the median; ratios are medians' ratios with bootstrap intervals.");
    }

    private static string IntervalStretch(BudgetsRecord b) => b.TrainingIntervalSeconds is { } ceiling && ceiling > b.TrainingSeconds
        ? $"; up to {Seconds(ceiling)} where that lets the timed steps reach {IntervalRule.MinimumSamples}, the fewest with an interval"
        : "";

    /// <summary>Each phase's budget; a run from before 1.2 recorded only the latency budget, and says so.</summary>
    private static string Budgets(RunOptionsRecord o) => o.Budgets is { } b
        ? $"batch-1 latency {Seconds(b.LatencySeconds)}, throughput {Seconds(b.ThroughputSeconds)}, " +
          $"training steady state {Seconds(b.SteadyStateSeconds)}, training {Seconds(b.TrainingSeconds)} " +
          $"(warm-up included{IntervalStretch(b)}), matrix-product peak {Seconds(b.LatencySeconds)} per size"
        : $"{Seconds(o.MeasurementBudgetSeconds)} per latency measurement (the run recorded no other budget)";

    /// <summary>A setting, not a measurement: written as given ("25 s"), without a figure's significant digits.</summary>
    private static string Seconds(double seconds) => string.Create(CultureInfo.InvariantCulture, $"{seconds:0.###} s");

    private static string Warmup(BudgetsRecord? b) => b is null
        ? "not recorded"
        : $"at least {Seconds(b.WarmupSeconds)} and {b.WarmupInferCalls} calls before inference, " +
          $"{b.WarmupTrainSteps} steps before training (by time and by count; each measurement records what it ran)";

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
