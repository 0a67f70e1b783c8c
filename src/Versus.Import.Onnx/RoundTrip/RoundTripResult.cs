using System.Globalization;

namespace Versus.Import.Onnx.RoundTrip;

/// <summary>
/// The import round trip: the original file and Versus' export of the imported spec, both in ONNX Runtime on the same
/// images. <see cref="Problem"/> says why it failed (a mismatch with its max difference, or an export or run error).
/// </summary>
public sealed record RoundTripResult(bool Passed, double? MaxAbsDifference, double Tolerance, int Images, string? Problem, TimeSpan Elapsed)
{
    public string Summary => Passed
        ? string.Create(CultureInfo.InvariantCulture, $"round trip ok: max |original - imported| {MaxAbsDifference:G3} over {Images} images (tolerance {Tolerance:G3}, {Elapsed.TotalSeconds:0.0} s)")
        : $"round trip failed: {Problem}";
}
