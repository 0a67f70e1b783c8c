using System.Globalization;

namespace Versus.Core.Measurement;

/// <summary>
/// Whether a training measurement can reach its minimum number of timed steps within its budget, estimated before any
/// training from one forward pass at the training batch size: a step costs about 3x the forward pass (forward, then
/// gradients for activations and for weights: the same rule as the analytic training FLOPs). A measurement that cannot
/// is skipped with this estimate as its reason instead of being silently cut short.
/// </summary>
public static class TrainingEstimate
{
    public const double StepsPerForward = 3;

    /// <summary>Null when it fits, else the reason to skip.</summary>
    public static string? WhyNot(double forwardMs, int warmupSteps, int minSteps, TimeSpan budget)
    {
        var stepMs = StepsPerForward * forwardMs;
        var neededMs = stepMs * (warmupSteps + minSteps);
        if (neededMs <= budget.TotalMilliseconds) return null;
        return string.Create(CultureInfo.InvariantCulture,
            $"estimated {stepMs / 1000:0.##} s per training step (3x a measured {forwardMs / 1000:0.##} s forward pass at this batch size): {warmupSteps} warm-up + {minSteps} timed steps would take about {neededMs / 1000:0} s, more than the {budget.TotalSeconds:0} s training budget; run without --quick or with a smaller workload");
    }
}
