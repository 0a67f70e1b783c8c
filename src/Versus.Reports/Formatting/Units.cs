namespace Versus.Reports.Formatting;

/// <summary>Picks a readable unit for a stored one: times move between us, ms, s, min and h; ratios become percentages.</summary>
internal static class Units
{
    public static string Format(double value, string unit) => ScaleFor(value, unit).Format(value);

    /// <summary>The scale for a set of values is chosen from one representative (the median) so a row never mixes units.</summary>
    public static DisplayScale ScaleFor(double representative, string unit)
    {
        if (SecondsPer(unit) is double perUnit) return TimeScale(Math.Abs(representative) * perUnit, perUnit);
        return unit.ToLowerInvariant() switch
        {
            "ratio" => new DisplayScale(100, "%"),
            "bytes" or "b" => ByteScale(representative),
            _ => new DisplayScale(1, unit),
        };
    }

    public static string Bytes(long bytes) => ByteScale(bytes).Format(bytes);

    private static DisplayScale TimeScale(double seconds, double secondsPerUnit) => seconds switch
    {
        < 1e-3 => new DisplayScale(secondsPerUnit / 1e-6, "µs"),
        < 1 => new DisplayScale(secondsPerUnit / 1e-3, "ms"),
        < 120 => new DisplayScale(secondsPerUnit, "s"),
        < 7200 => new DisplayScale(secondsPerUnit / 60, "min"),
        _ => new DisplayScale(secondsPerUnit / 3600, "h"),
    };

    private static DisplayScale ByteScale(double bytes) => Math.Abs(bytes) switch
    {
        >= 1L << 30 => new DisplayScale(1.0 / (1L << 30), "GiB"),
        >= 1L << 20 => new DisplayScale(1.0 / (1L << 20), "MiB"),
        >= 1L << 10 => new DisplayScale(1.0 / (1L << 10), "KiB"),
        _ => new DisplayScale(1, "B"),
    };

    public static double? SecondsPer(string unit) => unit switch
    {
        "ns" => 1e-9,
        "us" or "µs" => 1e-6,
        "ms" => 1e-3,
        "s" => 1,
        "min" => 60,
        "h" => 3600,
        _ => null,
    };
}
