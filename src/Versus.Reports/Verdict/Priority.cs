namespace Versus.Reports.Verdict;

/// <summary>
/// What a user can say matters when choosing a framework (docs/scoring.md lists each with the evidence behind it).
/// The deck's "Mobile / Edge" is split as <see cref="Core.Results.DeploymentTarget"/> splits it: edge is exercised here,
/// mobile only cited. Names on the command line are <see cref="PriorityNames"/>.
/// </summary>
public enum Priority
{
    TrainingSpeed,
    InferenceLatency,
    InferenceThroughput,
    ColdStart,
    Browser,
    Edge,
    Server,
    Interop,
    Mobile,
    Tpu,
    Usability,
    Community,
}
