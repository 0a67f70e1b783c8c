using Versus.Core.Engines;
using Versus.Core.Results;

namespace Versus.Core.Measurement;

/// <summary>One engine's measured matrix-product peak on one device: a candidate denominator for "share of peak".</summary>
public sealed record DevicePeak(double Gflops, DeviceKind Kind, string Device, MeasurementRecord Source)
{
    /// <summary>"torchsharp's 149.3 GFLOP/s fp32 matrix-product peak on CPU: AMD EPYC", for the note beside a share of peak.</summary>
    public string Describe() => FormattableString.Invariant($"{Source.Engine}'s {Gflops:0.#} GFLOP/s fp32 matrix-product peak on {Device}, the best measured there");
}
