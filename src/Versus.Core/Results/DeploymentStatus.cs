namespace Versus.Core.Results;

/// <summary>What a deployment record rests on: a probe that passed or failed here, one that could not run here, or the deck's word.</summary>
public enum DeploymentStatus
{
    Passed,
    Failed,
    NotExercised,
    Cited,
}
