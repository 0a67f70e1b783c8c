namespace Versus.Core.Deployment;

/// <summary>An engine that can sit behind the HTTP model server: it loads the trained model into a runner.</summary>
public interface IServingCapability : IDeploymentCapability
{
    /// <summary>The engine id the server's record names ("onnxruntime", "torchsharp").</summary>
    string Engine { get; }

    /// <summary>The framework whose deployment path this exercises: every record it yields carries it.</summary>
    Engines.FrameworkFamily Family { get; }

    Task<IModelRunner> LoadAsync(ServingInput input, CancellationToken cancellationToken);
}
