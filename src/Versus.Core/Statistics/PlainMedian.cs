using Perfolizer.Mathematics.Selectors;

namespace Versus.Core.Statistics;

/// <summary>
/// The textbook sample median (middle value, or the mean of the two middle values). Used where a resampling method needs
/// a cheap location estimate; reported medians are Harrell-Davis (<see cref="SampleStatistics"/>). Found by Perfolizer's
/// linear-time selection, not a sort: a bootstrap takes 2,000 medians of samples of up to 20,000 values per interval,
/// and sorting each made a quick run's report take most of 20 s.
/// </summary>
public static class PlainMedian
{
    public static double Of(IEnumerable<double> values)
    {
        var array = values as double[] ?? values.ToArray();
        if (array.Length == 0) throw new ArgumentException("A median needs at least one value.", nameof(values));
        // QuickSelectAdaptive selects in a buffer of its own, so the caller's values keep their order.
        var selector = new QuickSelectAdaptive();
        var mid = array.Length / 2;
        return array.Length % 2 == 1 ? selector.Select(array, mid) : (selector.Select(array, mid - 1) + selector.Select(array, mid)) / 2;
    }
}
