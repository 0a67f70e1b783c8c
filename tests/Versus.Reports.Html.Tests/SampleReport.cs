using System.Globalization;
using Versus.Reports.Model;
using Versus.Reports.Tests;

namespace Versus.Reports.Html.Tests;

/// <summary>
/// A hand-made report with every block type and every chart kind, on known numbers: intervals, a log axis, a cited
/// series, an invalid (muted) point, box samples and a missing score. Each chart's data table is its points, one row each.
/// </summary>
internal static class SampleReport
{
    public const string Hostile = "<script>window.pwned = 1</script><img src=x onerror=\"window.pwned = 2\">";

    public static ReportDocument Build(string runId)
    {
        var report = new ReportBuilder()
            .Heading(1, "Versus report: run " + Text.Code(runId), "title")
            .Paragraph("Engines " + Text.Code("alpha") + " and " + Text.Code("beta") + ", " + Text.Strong("not comparable") + " on cnn-64.")
            .Heading(2, "Inference", "inference")
            .Chart(Chart("latency", "Batch-1 latency per workload", ChartKind.Bars, new ChartAxis("Latency", "ms", Log: true),
                "workload",
                Series("alpha", P("small-cnn-28", 0.42, 0.40, 0.45), P("cnn-64", 3.1, 2.9, 3.3)),
                Series("beta", P("small-cnn-28", 1.2, 1.1, 1.3), P("cnn-64", 4.4, 4.1, 4.9) with { Muted = true, Note = "parity failed" }),
                Series("the deck", [P("small-cnn-28", 900)], cited: true)))
            .Note("The deck's 900 ms includes cold start and Python overhead: " + Text.Strong("not comparable") + ".")
            .Chart(Chart("cold-start", "Cold start by part", ChartKind.StackedBars, new ChartAxis("Cold start", "ms"), "engine",
                Series("process start", P("alpha", 83), P("beta", 181)),
                Series("engine load", P("alpha", 290.5), P("beta", 633.5)),
                Series("model build", P("alpha", 33.2), P("beta", 72.4)),
                Series("first prediction", P("alpha", 8.3), P("beta", 18.1))))
            .Heading(2, "Training", "training")
            .Chart(Chart("step-time", "Training step time", ChartKind.Box, new ChartAxis("Step time", "ms"), "workload",
                Series("alpha", Box("small-cnn-28", 14.5, 1), Box("depth-2", 30, 2)),
                Series("beta", Box("small-cnn-28", 26, 3))))
            .Heading(3, "Depth sweep", "depth-sweep")
            .Chart(Chart("depth-sweep", "Step time against depth", ChartKind.Lines, new ChartAxis("Step time", "ms", Log: true),
                "depth N",
                Series("alpha", X(2, 30, 28, 32), X(4, 57, 54, 61), X(8, 118, 110, 125)),
                Series("beta", X(2, 240, 220, 260), X(4, 470, 450, 500), X(8, 990, 940, 1050) with { Muted = true, Note = "loss diverged" }),
                Series("the deck", [X(2, 700), X(4, 1400)], cited: true)))
            .Bullets(["Growth from N=2 to N=8: " + Text.Strong("3.9x") + " for alpha", "beta grows " + Text.Code("4.1x")])
            .Heading(2, "Comparisons", "comparisons")
            .Chart(Chart("ratios", "beta / alpha time ratio", ChartKind.Forest, new ChartAxis("Ratio beta/alpha", "x", Log: true),
                "comparison",
                Series("ratio", P("small-cnn-28 latency", 2.86, 2.6, 3.1), P("small-cnn-28 training step", 1.79, 1.7, 1.9),
                    P("cnn-64 latency", 0.9, 0.7, 1.2) with { Muted = true, Note = "parity failed: outputs differ by 3e-2" })))
            .Heading(2, "Scores", "scores")
            .Chart(Chart("feature-scores", "Feature scores (0-10)", ChartKind.Scores, new ChartAxis("Score", "0-10", Minimum: 0, Maximum: 10),
                "feature",
                Series("PyTorch", P("usability", 7), P("deployment", 8), P("performance", 6)),
                Series("PyTorch, the deck", [P("usability", 9), P("deployment", 7), P("performance", 8), P("community", 9)], cited: true)))
            .Table(new TableBuilder("engine", "note", "median")
                .Row(Text.Code("alpha"), "fine & dandy", "14.5 ms")
                .Row(Text.Code("beta"), Hostile, "26 ms"))
            .Table(new TableBuilder("Machine", "Value")
                .Row("Cores", "2 logical, 2 physical")
                .Row("Theoretical fp32 peak", "268.3 GFLOP/s: 2 cores x 2.096 GHz x 64 fp32 FLOP/cycle = 268.3 GFLOP/s; avx512f: "
                    + "512-bit vectors; 2 FMA units per core assumed (not readable from the system; an upper bound where a core has one)"))
            .Build(runId, "Versus report " + runId);
        return report;
    }

    /// <summary>A chart whose data table lists its points: series, category, x, value, low, high.</summary>
    public static ChartBlock Chart(string id, string title, ChartKind kind, ChartAxis axis, string category, params ChartSeries[] series)
    {
        var table = new TableBuilder("series", category, "x", $"{axis.Label} ({axis.Unit})", "low", "high");
        foreach (var s in series)
            foreach (var p in s.Points)
                table.Row(s.Name, p.Category, Number(p.X), Number(p.Value), Number(p.Low), Number(p.High));
        return new ChartBlock(id, title, kind, axis, category, series, $"{title}: {kind} chart of {series.Length} series.", table.Build());
    }

    public static string Number(double? value) => value?.ToString("G6", CultureInfo.InvariantCulture) ?? string.Empty;

    private static ChartSeries Series(string name, params ChartPoint[] points) => new(name, points);

    private static ChartSeries Series(string name, ChartPoint[] points, bool cited) => new(name, points, cited);

    private static ChartPoint P(string category, double value, double? low = null, double? high = null) => new(category, value, low, high);

    private static ChartPoint X(double x, double value, double? low = null, double? high = null) =>
        new($"N={x}", value, low, high, X: x);

    private static ChartPoint Box(string category, double median, uint seed)
    {
        var samples = SampleSeries.Timings(seed, 60, median, 0.05, spikes: 2);
        return new ChartPoint(category, median, Samples: samples);
    }
}
