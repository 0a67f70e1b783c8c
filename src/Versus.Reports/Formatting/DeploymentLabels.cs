using Versus.Core.Results;

using Versus.Reports.Model;

namespace Versus.Reports.Formatting;

/// <summary>Deployment targets and statuses in the report's words, and where each target sits in the deck's table.</summary>
internal static class DeploymentLabels
{
    public static readonly DeploymentTarget[] Order =
        [DeploymentTarget.OnnxInterop, DeploymentTarget.Server, DeploymentTarget.Edge, DeploymentTarget.Browser, DeploymentTarget.Mobile, DeploymentTarget.Tpu];

    public static string Target(DeploymentTarget target) => target switch
    {
        DeploymentTarget.OnnxInterop => "ONNX interop",
        DeploymentTarget.Server => "Server",
        DeploymentTarget.Edge => "Edge",
        DeploymentTarget.Browser => "Browser",
        DeploymentTarget.Mobile => "Mobile",
        DeploymentTarget.Tpu => "TPU",
        _ => target.ToString(),
    };

    /// <summary>The deck's row for a target ("quantity" in the cited facts); the deck rates mobile and edge together.</summary>
    public static string DeckQuantity(DeploymentTarget target) => target switch
    {
        DeploymentTarget.OnnxInterop => "ONNX Interoperability",
        DeploymentTarget.Server => "Server",
        DeploymentTarget.Edge or DeploymentTarget.Mobile => "Mobile / Edge",
        DeploymentTarget.Browser => "Browser",
        DeploymentTarget.Tpu => "TPU Support",
        _ => target.ToString(),
    };

    public static Text Status(DeploymentStatus status) => status switch
    {
        DeploymentStatus.Passed => (Text)"passed",
        DeploymentStatus.Failed => Text.Strong("FAILED"),
        DeploymentStatus.NotExercised => "not exercised",
        DeploymentStatus.Cited => "cited, not measured",
        _ => (Text)status.ToString(),
    };
}
