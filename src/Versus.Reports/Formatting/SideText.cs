using System.Globalization;
using Versus.Core.Engines;
using Versus.Reports.Analysis;

namespace Versus.Reports.Formatting;

/// <summary>"torchsharp: backend cpu, CPU: AMD EPYC 7B13, 2 threads (applied)": one side of a comparison in words.</summary>
internal static class SideText
{
    public static string Describe(ComparedSide side)
    {
        var parts = new List<string>();
        if (side.Backend is not null) parts.Add($"backend {side.Backend}");
        if (side.Device is not null) parts.Add(side.Device);
        if (side.Threads is { } threads) parts.Add(Threads(threads, side.ThreadControl));
        return parts.Count == 0 ? $"{side.Engine}: not reported" : $"{side.Engine}: {string.Join(", ", parts)}";
    }

    /// <summary>The count with what it means; a count from results before 1.2 says it is unqualified.</summary>
    public static string Threads(int threads, ThreadControl? control)
    {
        var n = threads.ToString(CultureInfo.InvariantCulture);
        return control switch
        {
            ThreadControl.Applied => $"{n} thread(s) (applied, read back)",
            ThreadControl.Configured => $"{n} thread(s) (configured, not read back)",
            ThreadControl.NotControlled => $"threads not controlled ({n} in use)",
            ThreadControl.NotCpuThreads => "GPU kernels (CPU threads do not apply)",
            null => $"{n} thread(s) (not qualified by the worker)",
            _ => $"{n} thread(s)",
        };
    }
}
