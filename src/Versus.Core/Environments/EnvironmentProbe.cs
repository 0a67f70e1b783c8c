using System.Reflection;
using System.Runtime.InteropServices;

namespace Versus.Core.Environments;

/// <summary>Reads the machine description from /proc and the runtime (Linux first; other systems get what .NET reports).</summary>
public static class EnvironmentProbe
{
    private static readonly string[] InterestingFlags = ["sse4_2", "avx", "avx2", "fma", "f16c", "avx512f", "avx512bw", "avx512_vnni", "avx512_bf16", "amx_tile", "neon", "asimd"];

    public static EnvironmentInfo Capture()
    {
        var cpuinfo = ReadOrEmpty("/proc/cpuinfo");
        var model = CpuModel(cpuinfo);
        var flags = (Field(cpuinfo, "flags") ?? Field(cpuinfo, "Features") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var cores = cpuinfo.Split('\n').Where(l => l.StartsWith("core id", StringComparison.Ordinal))
            .Zip(cpuinfo.Split('\n').Where(l => l.StartsWith("physical id", StringComparison.Ordinal)))
            .Select(p => p.First + p.Second).Distinct().Count();
        var meminfo = ReadOrEmpty("/proc/meminfo");
        return new EnvironmentInfo(
            System.Environment.MachineName,
            OsName(),
            Kernel(),
            RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant(),
            model,
            [.. InterestingFlags.Where(flags.Contains)],
            System.Environment.ProcessorCount,
            cores > 0 ? cores : null,
            MemInfoBytes(meminfo, "MemTotal") ?? GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
            MemInfoBytes(meminfo, "MemAvailable") ?? GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
            RuntimeInformation.FrameworkDescription,
            VersusVersion(),
            CpuPeakEstimator.Estimate(cpuinfo, ReadOrEmpty("/sys/devices/system/cpu/cpu0/cpufreq/cpuinfo_max_freq") is { Length: > 0 } max ? max : null));
    }

    /// <summary>The processor's name ("model name" in /proc/cpuinfo; "Hardware" on some ARM boards; else the architecture).</summary>
    public static string CpuModel() => CpuModel(ReadOrEmpty("/proc/cpuinfo"));

    private static string CpuModel(string cpuinfo) =>
        (Field(cpuinfo, "model name") ?? Field(cpuinfo, "Hardware") ?? RuntimeInformation.ProcessArchitecture.ToString()).Trim();

    public static string VersusVersion() =>
        typeof(EnvironmentProbe).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>The calling process's peak resident set (VmHWM), or null where /proc is unavailable.</summary>
    public static long? PeakResidentBytes() => MemInfoBytes(ReadOrEmpty("/proc/self/status"), "VmHWM");

    public static long? ResidentBytes() => MemInfoBytes(ReadOrEmpty("/proc/self/status"), "VmRSS");

    private static string Kernel()
    {
        var release = ReadOrEmpty("/proc/sys/kernel/osrelease").Trim();
        return release.Length > 0 ? $"Linux {release}" : System.Environment.OSVersion.VersionString;
    }

    private static string OsName()
    {
        var release = ReadOrEmpty("/etc/os-release");
        var pretty = release.Split('\n').FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal));
        return pretty is null ? RuntimeInformation.OSDescription : pretty["PRETTY_NAME=".Length..].Trim('"');
    }

    private static string? Field(string text, string name) =>
        text.Split('\n').Where(l => l.StartsWith(name, StringComparison.Ordinal) && l.Contains(':'))
            .Select(l => l[(l.IndexOf(':') + 1)..].Trim()).FirstOrDefault();

    private static long? MemInfoBytes(string text, string name)
    {
        var value = Field(text, name + ":") ?? Field(text, name);
        if (value is null) return null;
        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return long.TryParse(parts[0], out var kb) ? kb * 1024 : null;
    }

    private static string ReadOrEmpty(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : "";
        }
        catch (IOException)
        {
            return "";
        }
    }
}
