namespace Versus.Core.Models;

/// <summary>One tensor of a model's state, in canonical (PyTorch) layout: conv weights OIHW, linear weights [out, in].</summary>
public sealed record ParameterInfo(string Name, int[] Shape, ParameterRole Role, int FanIn)
{
    public long Elements => Shape.Aggregate(1L, (a, d) => a * d);

    /// <summary>Batch-norm running statistics are state, not trained by the optimizer.</summary>
    public bool IsTrainable => Role is not (ParameterRole.RunningMean or ParameterRole.RunningVariance);
}

public enum ParameterRole
{
    ConvWeight,
    LinearWeight,
    Bias,
    NormScale,
    NormShift,
    RunningMean,
    RunningVariance,
}
