using System.Globalization;

namespace Versus.Core.Parity;

/// <summary>
/// The one forward-parity rule, used by the run's parity checks and by the interop and browser probes. Each test image
/// is judged on its own, against the reference engine's logits for that image: max over classes |reference - candidate|
/// within 1e-4, or within 2e-6 of the reference's largest |logit| of that image when that exceeds 50 (float32 rounding
/// grows with magnitude; 2e-6 is about 17 float steps: libtorch's convolution kernels for AVX2 and for AVX-512 sum in
/// different orders, and through depth-16 at logits in the thousands that alone reached 1.1e-6). The candidate's values never set the limit, so a wrong engine
/// cannot widen it by producing larger logits, and one image with large logits does not loosen another's. Different
/// images, a logit count that is not images x classes, a NaN or an infinity on either side fail with that reason.
/// </summary>
public static class LogitComparison
{
    public const double AbsoluteTolerance = 1e-4;
    public const double RelativeTolerance = 2e-6;

    /// <summary>The limit for one image whose reference logits reach <paramref name="largestReferenceLogit"/> in magnitude.</summary>
    public static double ToleranceFor(double largestReferenceLogit) =>
        Math.Max(AbsoluteTolerance, RelativeTolerance * largestReferenceLogit);

    public static ParityOutcome Compare(ParityProbe reference, ParityProbe candidate, string referenceName, string candidateName)
    {
        var values = reference.Logits.Count;
        foreach (var (probe, name) in new[] { (reference, referenceName), (candidate, candidateName) })
        {
            if (probe.Problem is { } problem) return ParityOutcome.Refused(AbsoluteTolerance, values, $"{name} gave no logits: {problem}");
        }
        if (reference.State != candidate.State)
        {
            return ParityOutcome.Refused(AbsoluteTolerance, values,
                $"{referenceName} and {candidateName} logged logits from different states ({reference.State} vs {candidate.State})");
        }
        if (!reference.Indices.SequenceEqual(candidate.Indices))
        {
            return ParityOutcome.Refused(AbsoluteTolerance, values,
                $"{referenceName} and {candidateName} logged logits for different test images " +
                $"({Images(reference.Indices)} vs {Images(candidate.Indices)})");
        }
        if (reference.Classes != candidate.Classes)
        {
            return ParityOutcome.Refused(AbsoluteTolerance, values,
                $"{referenceName} has {reference.Classes} classes and {candidateName} {candidate.Classes}");
        }
        var expected = reference.Indices.Count * reference.Classes;
        foreach (var (probe, name) in new[] { (reference, referenceName), (candidate, candidateName) })
        {
            if (probe.Logits.Count != expected)
            {
                return ParityOutcome.Refused(AbsoluteTolerance, values,
                    $"{name} returned {probe.Logits.Count} logits where {reference.Indices.Count} images x {reference.Classes} " +
                    $"classes = {expected} belong");
            }
            if (NonFinite.First([.. probe.Logits.Select(v => (double)v)]) is { } bad)
            {
                return ParityOutcome.Refused(AbsoluteTolerance, values,
                    $"{name}'s logit {bad.Index % probe.Classes} of test image {probe.Indices[bad.Index / probe.Classes]} is {bad.Name}");
            }
        }
        if (expected == 0) return ParityOutcome.Refused(AbsoluteTolerance, 0, "no logits to compare (no test images)");
        return Judge(reference, candidate, referenceName, candidateName);
    }

    /// <summary>
    /// Two engines of which neither is the reference (the run's pairs): each is taken as the reference in turn and the
    /// stricter verdict stands, so neither side's output can widen the limit.
    /// </summary>
    public static ParityOutcome Mutual(ParityProbe a, ParityProbe b, string aName, string bName)
    {
        var forward = Compare(a, b, aName, bName);
        var backward = Compare(b, a, bName, aName);
        if (!forward.Passed) return forward;
        if (!backward.Passed) return backward;
        return forward.Tolerance <= backward.Tolerance ? forward : backward;
    }

    private static ParityOutcome Judge(ParityProbe reference, ParityProbe candidate, string referenceName, string candidateName)
    {
        var classes = reference.Classes;
        double maxDiff = 0, worstRatio = -1, worstTolerance = AbsoluteTolerance, worstDiff = 0;
        var worstImage = 0;
        for (var image = 0; image < reference.Indices.Count; image++)
        {
            double largest = 0, diff = 0;
            for (var c = image * classes; c < (image + 1) * classes; c++)
            {
                largest = Math.Max(largest, Math.Abs((double)reference.Logits[c]));
                diff = Math.Max(diff, Math.Abs((double)reference.Logits[c] - candidate.Logits[c]));
            }
            var tolerance = ToleranceFor(largest);
            maxDiff = Math.Max(maxDiff, diff);
            if (diff / tolerance <= worstRatio) continue;
            (worstRatio, worstTolerance, worstDiff, worstImage) = (diff / tolerance, tolerance, diff, image);
        }
        if (worstRatio <= 1) return new ParityOutcome(true, maxDiff, worstTolerance, reference.Logits.Count, null);
        var reason = string.Create(CultureInfo.InvariantCulture,
            $"test image {reference.Indices[worstImage]}: max |{referenceName} - {candidateName}| {worstDiff:G3} > its tolerance " +
            $"{worstTolerance:G3} (from {referenceName}'s logits for that image)");
        return new ParityOutcome(false, maxDiff, worstTolerance, reference.Logits.Count, reason);
    }

    private static string Images(IReadOnlyList<int> indices) => indices.Count switch
    {
        0 => "none",
        <= 4 => string.Join(",", indices),
        _ => $"{indices[0]},{indices[1]}..{indices[^1]} ({indices.Count} images)",
    };
}
