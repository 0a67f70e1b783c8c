namespace Versus.Core.Models;

/// <summary>What one top-level layer does to a single example: shapes, parameters and forward FLOPs.</summary>
public sealed record LayerAnalysis(int Index, string Kind, ActivationShape InputShape, ActivationShape OutputShape, long Parameters, long ForwardFlops);
