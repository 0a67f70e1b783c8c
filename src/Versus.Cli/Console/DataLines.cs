using Versus.Core.Results;

namespace Versus.Cli.Console;

/// <summary>The run header's data lines: what each workload trains and tests on, how many images and why that many.</summary>
public static class DataLines
{
    public static void Write(IReadOnlyList<WorkloadRecord> workloads, TextWriter output)
    {
        foreach (var group in workloads.GroupBy(w => w.Dataset))
            output.WriteLine($"data for {string.Join(", ", group.Select(w => w.Id))}: {group.Key}");
    }
}
