namespace Versus.Core.Results;

/// <summary>
/// The warm-up a timed phase really had, next to what was asked (<see cref="MinimumCalls"/> calls and
/// <see cref="MinimumSeconds"/> seconds, by the profile): a figure measured after 2 calls and one measured after 2,000
/// can differ by 30%, so a reader must be able to see which this was.
/// </summary>
/// <param name="Label">What was warmed beyond the phase, where a measurement has several of one phase ("1024x1024").</param>
public sealed record WarmupRecord(
    WarmupPhase Phase,
    int Calls,
    double Seconds,
    int MinimumCalls,
    double MinimumSeconds,
    double LastCallMs,
    string? Label = null);
