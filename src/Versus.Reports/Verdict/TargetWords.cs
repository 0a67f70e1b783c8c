using Versus.Core.Results;

namespace Versus.Reports.Verdict;

/// <summary>Plain words and cited topics for deployment targets, one place for every sentence that names one.</summary>
internal static class TargetWords
{
    public static string Of(DeploymentTarget target) => target switch
    {
        DeploymentTarget.OnnxInterop => "ONNX interoperability",
        DeploymentTarget.Server => "server deployment",
        DeploymentTarget.Edge => "edge devices",
        DeploymentTarget.Browser => "the browser",
        DeploymentTarget.Mobile => "mobile",
        DeploymentTarget.Tpu => "TPUs",
        _ => target.ToString(),
    };

    /// <summary>"the browser probe": the probe's own name, for sentences about one run of it.</summary>
    public static string Probe(DeploymentTarget target) => target switch
    {
        DeploymentTarget.OnnxInterop => "ONNX-interop probe",
        DeploymentTarget.Tpu => "TPU probe",
        _ => $"{target.ToString().ToLowerInvariant()} probe",
    };

    public static CitedTopic Topic(DeploymentTarget target) => target switch
    {
        DeploymentTarget.OnnxInterop => CitedTopic.OnnxInterop,
        DeploymentTarget.Server => CitedTopic.Server,
        DeploymentTarget.Edge => CitedTopic.Edge,
        DeploymentTarget.Browser => CitedTopic.Browser,
        DeploymentTarget.Mobile => CitedTopic.Mobile,
        DeploymentTarget.Tpu => CitedTopic.Tpu,
        _ => throw new ArgumentOutOfRangeException(nameof(target), target, "no cited topic for this target"),
    };

    public static Priority Priority(DeploymentTarget target) => target switch
    {
        DeploymentTarget.OnnxInterop => Verdict.Priority.Interop,
        DeploymentTarget.Server => Verdict.Priority.Server,
        DeploymentTarget.Edge => Verdict.Priority.Edge,
        DeploymentTarget.Browser => Verdict.Priority.Browser,
        DeploymentTarget.Mobile => Verdict.Priority.Mobile,
        DeploymentTarget.Tpu => Verdict.Priority.Tpu,
        _ => throw new ArgumentOutOfRangeException(nameof(target), target, "no priority for this target"),
    };
}
