namespace Versus.Core.Engines;

[Flags]
public enum EngineCapabilities
{
    None = 0,
    Train = 1,
    Infer = 2,

    /// <summary>Can time a large fp32 matrix product: the machine's peak that achieved GFLOP/s are compared with.</summary>
    MatmulPeak = 4,
}
