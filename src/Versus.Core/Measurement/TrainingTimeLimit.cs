using System.Globalization;

namespace Versus.Core.Measurement;

/// <summary>
/// When a training's timed steps are out of time (<see cref="TrainingEstimate.Limit"/>): past <see cref="Budget"/> once
/// <see cref="Steps"/> timed steps are in, and past <see cref="Ceiling"/> whatever the count. Without a stretch the
/// ceiling is the budget and any count will do.
/// </summary>
public sealed record TrainingTimeLimit(TimeSpan Budget, TimeSpan Ceiling, int Steps)
{
    public bool Stretched => Ceiling > Budget;

    public bool Spent(TimeSpan elapsed, int timedSteps) => elapsed > Ceiling || (elapsed > Budget && timedSteps >= Steps);

    /// <summary>The note on a measurement that ran past its budget to reach its steps, or null.</summary>
    public string? Note(TimeSpan elapsed) => Stretched && elapsed > Budget
        ? string.Create(CultureInfo.InvariantCulture,
            $"ran {elapsed.TotalSeconds:0} s, past the {Budget.TotalSeconds:0} s training budget (at most {Ceiling.TotalSeconds:0} s), to reach {Steps} timed steps, the fewest with an interval")
        : null;
}
