using System.Globalization;

namespace Versus.Core.Statistics;

/// <summary>
/// The one-line wording of a summary's interval for terminal lines and evidence sentences: "[12.1-12.6]", or
/// "(no interval: 3 samples)" where the sample was too small for one. Reports have their own scaled formatting.
/// </summary>
public static class IntervalText
{
    public static string Bracket(SampleSummary summary, string format) =>
        summary is { Ci95Low: double low, Ci95High: double high }
            ? $"[{low.ToString(format, CultureInfo.InvariantCulture)}-{high.ToString(format, CultureInfo.InvariantCulture)}]"
            : $"(no interval: {summary.Count} sample{(summary.Count == 1 ? "" : "s")})";
}
