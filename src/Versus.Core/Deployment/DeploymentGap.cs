using Versus.Core.Engines;
using Versus.Core.Results;

namespace Versus.Core.Deployment;

/// <summary>
/// A target an engine cannot reach here, and why: the probe of <paramref name="Target"/> turns it into a not-exercised
/// row, so the matrix says what was not tried instead of leaving a hole. <paramref name="Reason"/> is the row's evidence.
/// </summary>
public sealed record DeploymentGap(DeploymentTarget Target, string Engine, FrameworkFamily Family, string Reason)
    : IDeploymentCapability;
