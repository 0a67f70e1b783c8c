namespace Versus.Core.Models;

public enum OptimizerKind
{
    /// <summary>SGD with (PyTorch-convention) momentum: v = mu*v + g; w -= lr*v.</summary>
    Sgd,

    /// <summary>Adam with PyTorch's defaults for beta1, beta2 and epsilon unless the spec says otherwise.</summary>
    Adam,
}
