namespace Versus.Reports.RunToRun;

/// <summary>What kind of setting differs between two compared runs; each can explain a change without any code changing.</summary>
public enum DifferenceKind
{
    /// <summary>Another machine: raw figures are not comparable, the ratio of engine ratios is.</summary>
    Machine,

    /// <summary>The operating system, .NET or Versus itself.</summary>
    Software,

    /// <summary>An engine's framework, version or backend as its worker reported it.</summary>
    Engine,

    /// <summary>Threads asked for the run, or reported by an engine's worker.</summary>
    Threads,

    /// <summary>A workload's shape, batch sizes, epochs, optimizer or data.</summary>
    Workload,

    /// <summary>A run option that changes what is measured or for how long (quick, seed, budget).</summary>
    Options,
}
