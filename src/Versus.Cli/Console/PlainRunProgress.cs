using Versus.Core.Planning;
using Versus.Core.Results;

namespace Versus.Cli.Console;

/// <summary>One line per event, for logs and pipes (no cursor movement).</summary>
public sealed class PlainRunProgress(TextWriter output, int total) : IRunProgress
{
    private int index;

    public void Starting(PlannedMeasurement measurement)
    {
        index++;
        output.WriteLine($"[{index}/{total}] {Label.Of(measurement.Task.Engine.Id, measurement.Task.Workload, measurement.Task.Kind)} ...");
        output.Flush();
    }

    public void Finished(MeasurementRecord record)
    {
        output.WriteLine($"[{index}/{total}] {Label.Of(record.Engine, record.Workload, record.Kind)}: {Label.Outcome(record)}");
        output.Flush();
    }
}
