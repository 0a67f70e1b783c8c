namespace Versus.Core.Results;

/// <summary>Where a model is deployed to, after the deck's deployment table (its "Mobile / Edge" split in two).</summary>
public enum DeploymentTarget
{
    OnnxInterop,
    Server,
    Edge,
    Browser,
    Mobile,
    Tpu,
}
