using System.Globalization;

namespace Versus.Core.Environments;

/// <summary>
/// Works out <see cref="TheoreticalPeak"/> from /proc/cpuinfo's text and cpufreq's maximum clock. The vector width
/// comes from the ISA flags (avx512f: 512 bits, avx: 256, sse: 128, asimd/neon: 128). The number of FMA units is not
/// in any file: two is assumed (every x86 core with FMA since Haswell and Zen has two FMA pipes), which makes the
/// figure an upper bound where a core has one at full width (some Xeon Silver and Gold 5xxx for AVX-512). AMD's Zen 4
/// (family 25) runs 512-bit instructions on 256-bit pipes, so its width counts as 256. Cores are physical cores:
/// hyper-threads share their core's FMA units.
/// </summary>
public static class CpuPeakEstimator
{
    private const int AssumedFmaUnits = 2;

    /// <param name="cpuinfo">The text of /proc/cpuinfo.</param>
    /// <param name="maxFrequencyKhz">The text of /sys/devices/system/cpu/cpu0/cpufreq/cpuinfo_max_freq, or null where absent.</param>
    public static TheoreticalPeak Estimate(string cpuinfo, string? maxFrequencyKhz)
    {
        var blocks = cpuinfo.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var first = blocks.FirstOrDefault() ?? "";
        var flags = (Field(first, "flags") ?? Field(first, "Features") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        var notes = new List<string>();

        var (bits, widthNote) = VectorBits(flags, Field(first, "vendor_id"), Field(first, "cpu family"));
        var fma = flags.Contains("fma") || flags.Contains("asimd");
        // Without FMA a core still issues one multiply and one add per cycle: the same count as one FMA unit.
        var units = fma ? AssumedFmaUnits : 1;
        int? perCycle = bits is int b ? b / 32 * 2 * units : null;
        if (widthNote is not null) notes.Add(widthNote);
        if (bits is not null)
            notes.Add(fma ? $"{AssumedFmaUnits} FMA units per core assumed (not readable from the system; an upper bound where a core has one)"
                : "no fma flag: one multiply and one add per cycle");

        var cores = PhysicalCores(blocks, out var coresNote);
        notes.Add(coresNote);
        var (clock, clockNote) = Clock(first, maxFrequencyKhz);
        notes.Add(clockNote);

        double? gflops = perCycle is int p && cores is int c && clock is double ghz ? c * ghz * p : null;
        var basis = gflops is double g
            ? string.Create(CultureInfo.InvariantCulture, $"{cores} cores x {clock:0.###} GHz x {perCycle} fp32 FLOP/cycle = {g:0.#} GFLOP/s; ")
            : "not computed: ";
        return new TheoreticalPeak(gflops, cores, clock, bits, bits is null ? null : units, perCycle, basis + string.Join("; ", notes));
    }

    private static (int? Bits, string? Note) VectorBits(HashSet<string> flags, string? vendor, string? family)
    {
        if (flags.Contains("avx512f"))
            return vendor == "AuthenticAMD" && family == "25"
                ? (256, "avx512f on AMD family 25 (Zen 4): 512-bit instructions run on 256-bit pipes, counted as 256 bits")
                : (512, "avx512f: 512-bit vectors");
        if (flags.Contains("avx")) return (256, $"{(flags.Contains("avx2") ? "avx2" : "avx")}: 256-bit vectors");
        if (flags.Contains("asimd") || flags.Contains("neon")) return (128, "asimd: 128-bit vectors");
        if (flags.Contains("sse")) return (128, "sse: 128-bit vectors");
        return (null, "no SIMD flag found in /proc/cpuinfo, so the vector width is unknown");
    }

    /// <summary>Distinct (physical id, core id) pairs; the processor count where the kernel does not list cores (ARM).</summary>
    private static int? PhysicalCores(string[] blocks, out string note)
    {
        var pairs = blocks.Select(b => (Field(b, "physical id"), Field(b, "core id"))).Where(p => p.Item2 is not null).Distinct().Count();
        if (pairs > 0)
        {
            note = $"{pairs} physical core(s) from core id / physical id";
            return pairs;
        }
        var processors = blocks.Count(b => Field(b, "processor") is not null);
        note = processors > 0 ? $"{processors} core(s) counted from processor entries (no core ids listed)" : "no processor entries in /proc/cpuinfo";
        return processors > 0 ? processors : null;
    }

    private static (double? Ghz, string Note) Clock(string first, string? maxFrequencyKhz)
    {
        if (double.TryParse(maxFrequencyKhz?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var khz) && khz > 0)
            return (khz / 1e6, "clock: cpufreq's maximum (cpuinfo_max_freq)");
        if (double.TryParse(Field(first, "cpu MHz"), NumberStyles.Float, CultureInfo.InvariantCulture, out var mhz) && mhz > 0)
            return (mhz / 1e3, "clock: /proc/cpuinfo's cpu MHz, since cpufreq is absent (usual in a VM): the clock the kernel "
                + "sees, which a turbo clock can exceed");
        return (null, "no clock readable: neither cpufreq's cpuinfo_max_freq nor a cpu MHz line in /proc/cpuinfo");
    }

    private static string? Field(string block, string name) =>
        block.Split('\n')
            .Where(l => l.Contains(':') && l[..l.IndexOf(':')].Trim() == name)
            .Select(l => l[(l.IndexOf(':') + 1)..].Trim())
            .FirstOrDefault();
}
