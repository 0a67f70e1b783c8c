using Versus.Core.Environments;

namespace Versus.Core.Tests.Environments;

/// <summary>The CPU's peak on paper from /proc/cpuinfo text: every expected value is worked out by hand in the test.</summary>
public sealed class CpuPeakEstimatorTests
{
    private static string Processor(int id, int core, string vendor, string family, string flags, string mhz = "2596.150") => $"""
        processor	: {id}
        vendor_id	: {vendor}
        cpu family	: {family}
        model name	: Test CPU
        cpu MHz		: {mhz}
        physical id	: 0
        core id		: {core}
        flags		: {flags}
        """ + "\n\n";

    [Fact]
    public void Should_CountTwoFmaUnitsOfEightLanes_When_AnAvx2CpuGivesItsMaximumClock()
    {
        // Two hyper-threads on each of two cores: four processors, two cores. 8 lanes x 2 (FMA) x 2 units = 32 FLOP/cycle.
        var cpuinfo = string.Concat(
            Processor(0, 0, "GenuineIntel", "6", "fpu sse sse2 avx avx2 fma"), Processor(1, 1, "GenuineIntel", "6", "fpu sse sse2 avx avx2 fma"),
            Processor(2, 0, "GenuineIntel", "6", "fpu sse sse2 avx avx2 fma"), Processor(3, 1, "GenuineIntel", "6", "fpu sse sse2 avx avx2 fma"));

        var peak = CpuPeakEstimator.Estimate(cpuinfo, "3500000\n");

        Assert.Equal(2, peak.Cores);
        Assert.Equal(3.5, peak.ClockGhz);
        Assert.Equal(256, peak.VectorBits);
        Assert.Equal(2, peak.FmaUnits);
        Assert.Equal(32, peak.FlopsPerCycle);
        Assert.Equal(2 * 3.5 * 32, peak.Gflops!.Value, 9);
        Assert.Contains("cpuinfo_max_freq", peak.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_CountAvx512AsTwoHalves_When_TheCpuIsAmdFamily25()
    {
        // Zen 4 (this machine's kind): avx512f, but 256-bit pipes. No cpufreq: the clock is cpuinfo's MHz, said so.
        const string flags = "fpu sse avx avx2 fma avx512f avx512bw";
        var cpuinfo = Processor(0, 0, "AuthenticAMD", "25", flags) + Processor(1, 1, "AuthenticAMD", "25", flags);

        var peak = CpuPeakEstimator.Estimate(cpuinfo, null);

        Assert.Equal(256, peak.VectorBits);
        Assert.Equal(2.59615, peak.ClockGhz!.Value, 9);
        Assert.Equal(2 * 2.59615 * 32, peak.Gflops!.Value, 9);
        Assert.Contains("Zen 4", peak.Basis, StringComparison.Ordinal);
        Assert.Contains("cpu MHz", peak.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_CountSixteenLanes_When_AnIntelCpuHasAvx512()
    {
        const string flags = "fpu sse avx avx2 fma avx512f";
        var peak = CpuPeakEstimator.Estimate(Processor(0, 0, "GenuineIntel", "6", flags), "2000000");

        Assert.Equal(512, peak.VectorBits);
        Assert.Equal(64, peak.FlopsPerCycle);
        Assert.Equal(1 * 2.0 * 64, peak.Gflops!.Value, 9);
    }

    [Fact]
    public void Should_CountOneMultiplyAndOneAdd_When_TheCpuHasAvxButNoFma()
    {
        var peak = CpuPeakEstimator.Estimate(Processor(0, 0, "GenuineIntel", "6", "fpu sse avx"), "3000000");

        Assert.Equal(1, peak.FmaUnits);
        Assert.Equal(16, peak.FlopsPerCycle);
        Assert.Equal(48, peak.Gflops!.Value, 9);
        Assert.Contains("no fma flag", peak.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_GiveNoFigureAndSayWhy_When_NoClockCanBeRead()
    {
        var cpuinfo = Processor(0, 0, "GenuineIntel", "6", "fpu sse avx avx2 fma").Replace("cpu MHz\t\t: 2596.150\n", "");

        var peak = CpuPeakEstimator.Estimate(cpuinfo, null);

        Assert.Null(peak.Gflops);
        Assert.Null(peak.ClockGhz);
        Assert.StartsWith("not computed: ", peak.Basis, StringComparison.Ordinal);
        Assert.Contains("no clock readable", peak.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_CountProcessors_When_TheKernelListsNoCoreIds()
    {
        // ARM boards list processors with Features and no core id.
        const string cpuinfo = "processor\t: 0\nFeatures\t: fp asimd evtstrm\n\nprocessor\t: 1\nFeatures\t: fp asimd evtstrm\n\n";

        var peak = CpuPeakEstimator.Estimate(cpuinfo, "1800000");

        Assert.Equal(2, peak.Cores);
        Assert.Equal(128, peak.VectorBits);
        Assert.Equal(2 * 1.8 * 16, peak.Gflops!.Value, 9);
        Assert.Contains("no core ids", peak.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_SayTheWidthIsUnknown_When_NoSimdFlagIsListed()
    {
        var peak = CpuPeakEstimator.Estimate(Processor(0, 0, "SomeVendor", "1", "fpu"), "1000000");

        Assert.Null(peak.Gflops);
        Assert.Null(peak.VectorBits);
        Assert.Contains("vector width is unknown", peak.Basis, StringComparison.Ordinal);
    }
}
