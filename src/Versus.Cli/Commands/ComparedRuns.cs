using Versus.Cli.Console;
using Versus.Core.Results;
using Versus.Reports.RunToRun;

namespace Versus.Cli.Commands;

/// <summary>Two loaded runs compared, or the one line that says why they cannot be: "versus compare" and "versus report --compare".</summary>
public static class ComparedRuns
{
    /// <param name="roles">How the message names the two runs ("A and B", "RUN and --compare").</param>
    /// <returns>Run <paramref name="b"/> against run <paramref name="a"/>; null after printing the problem.</returns>
    public static RunComparison? Compare(RunResults a, RunResults b, ComparisonOptions options, string roles)
    {
        if (a.RunId == b.RunId)
        {
            ErrorLine.Print($"{roles} are the same run '{a.RunId}'; compare two different runs");
            return null;
        }
        var comparison = RunComparer.Compare(a, b, options);
        if (comparison.Metrics.Count > 0) return comparison;
        ErrorLine.Print($"runs '{a.RunId}' and '{b.RunId}' share no metric (A measured {Measured(a)}; B measured {Measured(b)}); " +
            "compare runs that measured the same engine on the same workload");
        return null;
    }

    private static string Measured(RunResults run)
    {
        var list = string.Join(", ", run.Measurements
            .Where(m => m.Status == MeasurementStatus.Ok && m.Kind != MeasurementKind.MachinePeak)
            .Select(m => $"{m.Engine} {m.Workload}")
            .Distinct());
        return list.Length > 0 ? list : "nothing";
    }
}
