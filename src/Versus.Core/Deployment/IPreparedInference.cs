namespace Versus.Core.Deployment;

/// <summary>
/// One forward pass with its input already bound, so that timing <see cref="Run"/> measures the runtime and not the
/// copying of inputs into its tensors.
/// </summary>
public interface IPreparedInference : IDisposable
{
    /// <summary>Runs the bound input once; returns only when the output is complete.</summary>
    void Run();
}
