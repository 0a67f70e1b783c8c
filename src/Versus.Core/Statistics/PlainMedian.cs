namespace Versus.Core.Statistics;

/// <summary>
/// The textbook sample median (middle value, or the mean of the two middle values). Used where a resampling method needs
/// a cheap location estimate; reported medians are Harrell-Davis (<see cref="SampleStatistics"/>).
/// </summary>
public static class PlainMedian
{
    public static double Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) throw new ArgumentException("A median needs at least one value.", nameof(values));
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
