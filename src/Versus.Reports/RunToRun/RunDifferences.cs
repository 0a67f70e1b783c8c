using System.Globalization;
using Versus.Core.Environments;
using Versus.Core.Results;

namespace Versus.Reports.RunToRun;

/// <summary>
/// Every setting that differs between two runs, named: the machine, the software, the run's options, and for a pair of
/// measurements the engine as its workers reported it and the workload's spec. Nothing is judged here, only listed.
/// </summary>
internal static class RunDifferences
{
    public static bool SameMachine(EnvironmentInfo a, EnvironmentInfo b) =>
        a.MachineName == b.MachineName && a.CpuModel == b.CpuModel && a.LogicalCores == b.LogicalCores;

    /// <summary>Differences that concern the whole run.</summary>
    public static IReadOnlyList<RunDifference> OfRuns(RunResults a, RunResults b)
    {
        var list = new List<RunDifference>();
        void Add(DifferenceKind kind, string what, object? inA, object? inB)
        {
            var (textA, textB) = (Show(inA), Show(inB));
            if (textA != textB) list.Add(new RunDifference(kind, what, textA, textB));
        }

        var (ea, eb) = (a.Environment, b.Environment);
        Add(DifferenceKind.Machine, "machine", ea.MachineName, eb.MachineName);
        Add(DifferenceKind.Machine, "CPU", ea.CpuModel, eb.CpuModel);
        Add(DifferenceKind.Machine, "logical cores", ea.LogicalCores, eb.LogicalCores);
        Add(DifferenceKind.Machine, "memory (GiB)", Math.Round(ea.MemoryBytes / (double)(1L << 30), 1), Math.Round(eb.MemoryBytes / (double)(1L << 30), 1));
        Add(DifferenceKind.Software, "operating system", ea.OperatingSystem, eb.OperatingSystem);
        Add(DifferenceKind.Software, "kernel", ea.Kernel, eb.Kernel);
        Add(DifferenceKind.Software, ".NET", ea.DotnetVersion, eb.DotnetVersion);
        Add(DifferenceKind.Software, "Versus", ea.VersusVersion, eb.VersusVersion);
        var (oa, ob) = (a.Options, b.Options);
        Add(DifferenceKind.Threads, "threads", oa.Threads, ob.Threads);
        Add(DifferenceKind.Options, "quick", oa.Quick, ob.Quick);
        Add(DifferenceKind.Options, "epochs", oa.Epochs?.ToString(CultureInfo.InvariantCulture) ?? "workload's", ob.Epochs?.ToString(CultureInfo.InvariantCulture) ?? "workload's");
        Add(DifferenceKind.Options, "data", oa.Data, ob.Data);
        Add(DifferenceKind.Options, "seed", oa.Seed, ob.Seed);
        Add(DifferenceKind.Options, "target interval half-width", oa.TargetRelativeHalfWidth, ob.TargetRelativeHalfWidth);
        Add(DifferenceKind.Options, "measurement budget (s)", oa.MeasurementBudgetSeconds, ob.MeasurementBudgetSeconds);
        return list;
    }

    /// <summary>Differences between two measurements of the same engine, workload and kind: the engine and the workload.</summary>
    public static IReadOnlyList<RunDifference> OfMeasurements(MeasurementRecord a, MeasurementRecord b, WorkloadRecord? workloadA, WorkloadRecord? workloadB)
    {
        var list = new List<RunDifference>();
        void Add(DifferenceKind kind, string what, object? inA, object? inB, bool engineScoped)
        {
            var (textA, textB) = (Show(inA), Show(inB));
            if (textA != textB)
                list.Add(new RunDifference(kind, what, textA, textB, engineScoped ? a.Engine : null, engineScoped ? null : a.Workload));
        }

        if (a.EngineInfo is { } ia && b.EngineInfo is { } ib)
        {
            Add(DifferenceKind.Engine, $"{a.Engine} framework", ia.Framework, ib.Framework, true);
            Add(DifferenceKind.Engine, $"{a.Engine} version", ia.Version, ib.Version, true);
            Add(DifferenceKind.Engine, $"{a.Engine} backend", ia.Backend, ib.Backend, true);
            Add(DifferenceKind.Threads, $"{a.Engine} threads", ia.Threads, ib.Threads, true);
        }
        if (workloadA is { } wa && workloadB is { } wb)
        {
            var w = a.Workload;
            Add(DifferenceKind.Workload, $"{w} input", wa.Input, wb.Input, false);
            Add(DifferenceKind.Workload, $"{w} classes", wa.Classes, wb.Classes, false);
            Add(DifferenceKind.Workload, $"{w} parameters", wa.Parameters, wb.Parameters, false);
            Add(DifferenceKind.Workload, $"{w} forward FLOPs per example", wa.ForwardFlopsPerExample, wb.ForwardFlopsPerExample, false);
            Add(DifferenceKind.Workload, $"{w} batch size", wa.BatchSize, wb.BatchSize, false);
            Add(DifferenceKind.Workload, $"{w} throughput batch size", wa.ThroughputBatchSize, wb.ThroughputBatchSize, false);
            Add(DifferenceKind.Workload, $"{w} epochs", wa.Epochs, wb.Epochs, false);
            Add(DifferenceKind.Workload, $"{w} optimizer", wa.Optimizer, wb.Optimizer, false);
            Add(DifferenceKind.Workload, $"{w} dataset", wa.Dataset, wb.Dataset, false);
        }
        return list;
    }

    private static string Show(object? value) => value switch
    {
        null => "none",
        bool b => b ? "yes" : "no",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "none",
    };
}
