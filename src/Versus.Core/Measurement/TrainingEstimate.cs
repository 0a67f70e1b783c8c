using System.Globalization;

namespace Versus.Core.Measurement;

/// <summary>
/// Whether a training measurement can reach its minimum number of timed steps within its budget, estimated before any
/// training from one forward pass at the training batch size: a step costs about 3x the forward pass (forward, then
/// gradients for activations and for weights: the same rule as the analytic training FLOPs). A measurement that cannot
/// is skipped with this estimate as its reason instead of being silently cut short. The warm-up steps then check the
/// estimate against real steps (a backward pass can cost more than 2 forwards: TensorFlow.js on residual nets).
/// </summary>
public static class TrainingEstimate
{
    public const double StepsPerForward = 3;

    /// <summary>Null when it fits, else the reason to skip.</summary>
    public static string? WhyNot(double forwardMs, int warmupSteps, int minSteps, TimeSpan budget) =>
        WhyNot(StepsPerForward * forwardMs,
            string.Create(CultureInfo.InvariantCulture, $"3x a measured {forwardMs / 1000:0.##} s forward pass at this batch size"),
            warmupSteps, minSteps, budget);

    /// <summary>Null when warm-up and the minimum timed steps of <paramref name="stepMs"/> fit, else the reason, which names <paramref name="basis"/>.</summary>
    public static string? WhyNot(double stepMs, string basis, int warmupSteps, int minSteps, TimeSpan budget)
    {
        var neededMs = stepMs * (warmupSteps + minSteps);
        if (neededMs <= budget.TotalMilliseconds) return null;
        return string.Create(CultureInfo.InvariantCulture,
            $"estimated {stepMs / 1000:0.##} s per training step ({basis}): {warmupSteps} warm-up + {minSteps} timed steps would take about {neededMs / 1000:0} s, more than the {budget.TotalSeconds:0} s training budget; {Remedy}");
    }

    /// <summary>
    /// Whether a forward pass this slow is worth timing a second time: the first can include one-off costs (a GPU
    /// backend compiles its shaders on first use), but one that already takes a sixth of the budget would spend it.
    /// </summary>
    public static bool WorthSecondForward(double firstForwardMs, TimeSpan budget) => firstForwardMs < budget.TotalMilliseconds / 6;

    /// <summary>The fewest timed steps worth recording as a median (still without an interval below <see cref="Statistics.IntervalRule"/>).</summary>
    public const int FewestTimedSteps = 3;

    /// <summary>
    /// After warm-up, from its last (warm) step: null when at least <see cref="FewestTimedSteps"/> timed steps fit in
    /// what is left of the budget (fewer than the minimum are then recorded, flagged as insufficient), else the reason.
    /// </summary>
    public static string? WhyNotAfterWarmup(double warmStepMs, TimeSpan left, TimeSpan budget)
    {
        var neededMs = warmStepMs * FewestTimedSteps;
        if (neededMs <= left.TotalMilliseconds) return null;
        return string.Create(CultureInfo.InvariantCulture,
            $"measured {warmStepMs / 1000:0.##} s per training step in warm-up: even {FewestTimedSteps} timed steps would take about {neededMs / 1000:0} s, more than the {Math.Max(0, left.TotalSeconds):0} s left of the {budget.TotalSeconds:0} s training budget; {Remedy}");
    }

    /// <summary>
    /// When the timed steps stop: past the budget; or, where the budget would stop them short of
    /// <paramref name="minSteps"/> (the fewest with an interval) and that many at the warm step's pace end within
    /// <paramref name="ceiling"/>, once they reach that many (and at the ceiling at the latest).
    /// </summary>
    public static TrainingTimeLimit Limit(double warmStepMs, TimeSpan elapsed, int minSteps, TimeSpan budget, TimeSpan ceiling)
    {
        var needed = elapsed + TimeSpan.FromMilliseconds(warmStepMs * minSteps);
        return needed > budget && needed <= ceiling ? new(budget, ceiling, minSteps) : new(budget, budget, 0);
    }

    /// <summary>The flag on a measurement that recorded fewer timed steps than the minimum: its interval is wide.</summary>
    public static string? InsufficientSamples(int timedSteps, int minSteps) =>
        Measurement.InsufficientSamples.Note(timedSteps, "timed steps", minSteps);

    private const string Remedy = "run without --quick or with a smaller workload";
}
