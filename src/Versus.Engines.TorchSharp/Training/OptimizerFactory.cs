using TorchSharp;
using TorchSharp.Modules;
using Versus.Core.Models;

namespace Versus.Engines.TorchSharp.Training;

/// <summary>The spec's optimizer with no weight decay, as every engine runs it.</summary>
internal static class OptimizerFactory
{
    public static torch.optim.Optimizer Create(TrainingSpec training, IEnumerable<Parameter> parameters) => training.Optimizer switch
    {
        // TorchSharp's SGD is PyTorch's: v = mu * v + g; w -= lr * v (dampening 0), the convention the spec names.
        OptimizerKind.Sgd => torch.optim.SGD(parameters, training.LearningRate, training.Momentum),
        OptimizerKind.Adam => torch.optim.Adam(parameters, training.LearningRate, training.Beta1, training.Beta2, training.AdamEpsilon),
        _ => throw new NotSupportedException($"The TorchSharp engine has no optimizer '{training.Optimizer}'."),
    };
}
