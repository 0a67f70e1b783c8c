using Versus.Reports.Formatting;
using Versus.Reports.Model;

namespace Versus.Reports.Charts;

/// <summary>A cited time in seconds, placed on its own category so it is never read as a measurement of this run's workload.</summary>
internal sealed record CitedPoint(string Name, double Seconds)
{
    public const string Category = "the deck (cited)";

    public ChartPoint Point(DisplayScale scale) =>
        new(Category, Seconds * SecondsScale(scale), Note: "cited, not measured here: other hardware, model and timing method");

    // The display scale was chosen for a stored unit; convert seconds into that stored unit's display.
    private static double SecondsScale(DisplayScale scale) => scale.Unit switch
    {
        "µs" => 1e6,
        "ms" => 1e3,
        "s" => 1,
        "min" => 1.0 / 60,
        "h" => 1.0 / 3600,
        _ => 1,
    };
}
