using Versus.Core.Results;

namespace Versus.Deploy.Isolation;

/// <summary>
/// One line a deployment worker writes on stdout: a probe starting (its target) or a probe's record. Records are sent
/// the moment each probe ends, so a worker that dies later loses none of them.
/// </summary>
public sealed record DeploymentEvent(DeploymentTarget? Starting = null, DeploymentRecord? Record = null);
