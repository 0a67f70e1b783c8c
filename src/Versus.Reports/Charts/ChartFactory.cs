using System.Globalization;
using Versus.Reports.Model;

namespace Versus.Reports.Charts;

/// <summary>
/// Makes a <see cref="ChartBlock"/> whose data table is generated from the very points it draws, so the picture and the
/// numbers beside it cannot disagree.
/// </summary>
internal static class ChartFactory
{
    public static ChartBlock Create(string id, string title, ChartKind kind, ChartAxis axis, string categoryLabel,
        IReadOnlyList<ChartSeries> series, string description) =>
        new(id, title, kind, axis, categoryLabel, series, description, Table(kind, axis, categoryLabel, series));

    /// <summary>A number as the data table shows it: six significant digits, invariant culture, so it parses back.</summary>
    public static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    private static TableBlock Table(ChartKind kind, ChartAxis axis, string categoryLabel, IReadOnlyList<ChartSeries> series)
    {
        var unit = axis.Unit.Length == 0 ? "" : $" ({axis.Unit})";
        var table = kind switch
        {
            ChartKind.Box => new TableBuilder(categoryLabel, "Series", "Samples", $"Median{unit}", $"Lower quartile{unit}",
                $"Upper quartile{unit}", $"Minimum{unit}", $"Maximum{unit}"),
            ChartKind.Lines => new TableBuilder("Series", categoryLabel, $"{axis.Label}{unit}", "95% CI low", "95% CI high", "Note"),
            _ => new TableBuilder(categoryLabel, "Series", $"{axis.Label}{unit}", "95% CI low", "95% CI high", "Note"),
        };
        foreach (var s in series)
        {
            var name = s.Cited ? $"{s.Name} (cited)" : s.Name;
            foreach (var p in s.Points)
            {
                if (kind == ChartKind.Box)
                {
                    var sorted = (p.Samples ?? [p.Value]).Order().ToArray();
                    table.Row(p.Category, name, sorted.Length.ToString(CultureInfo.InvariantCulture), Number(p.Value),
                        Number(Quantile(sorted, 0.25)), Number(Quantile(sorted, 0.75)), Number(sorted[0]), Number(sorted[^1]));
                }
                else if (kind == ChartKind.Lines)
                {
                    table.Row(name, p.X is double x ? Number(x) : p.Category, Number(p.Value), Bound(p.Low), Bound(p.High), p.Note ?? "");
                }
                else
                {
                    table.Row(p.Category, name, Number(p.Value), Bound(p.Low), Bound(p.High), p.Note ?? "");
                }
            }
        }
        return table.Build();
    }

    private static string Bound(double? value) => value is double v ? Number(v) : "none";

    /// <summary>Type 7 (linear) quantile of sorted values, the convention box plots and spreadsheets share.</summary>
    private static double Quantile(double[] sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var low = (int)Math.Floor(h);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + ((h - low) * (sorted[high] - sorted[low]));
    }
}
