using Versus.Core.Planning;
using Versus.Core.Results;

namespace Versus.Cli.Console;

/// <summary>What the run loop tells the display; a live view on a terminal, plain lines otherwise.</summary>
public interface IRunProgress
{
    void Starting(PlannedMeasurement measurement);

    void Finished(MeasurementRecord record);
}
