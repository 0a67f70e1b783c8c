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

    /// <summary>
    /// The note on a measurement that ran past its budget to reach its steps, or null. The limits are checked between
    /// requests, so the last step can end past the ceiling.
    /// </summary>
    public string? Note(TimeSpan elapsed, int timedSteps) => !Stretched || elapsed <= Budget
        ? null
        : timedSteps >= Steps
            ? string.Create(CultureInfo.InvariantCulture,
                $"ran {elapsed.TotalSeconds:0.#} s, past the {Budget.TotalSeconds:0} s training budget, to reach {Steps} timed steps, the fewest with an interval (no step starts after {Ceiling.TotalSeconds:0} s)")
            : string.Create(CultureInfo.InvariantCulture,
                $"ran {elapsed.TotalSeconds:0.#} s, past the {Budget.TotalSeconds:0} s training budget, for {Steps} timed steps, the fewest with an interval, but reached its {Ceiling.TotalSeconds:0} s limit after {timedSteps}");
}
