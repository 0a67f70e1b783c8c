using System.Globalization;

namespace Versus.Core.Parity;

/// <summary>
/// The training-loss rule: the first <see cref="Steps"/> losses of two engines on the same batches in the same order
/// agree within <see cref="Tolerance"/> (different but valid kernel orders make float sums differ, and 20 optimizer
/// steps let that grow a little). A NaN or infinite loss fails with that reason rather than being skipped.
/// </summary>
public static class LossComparison
{
    public const double Tolerance = 1e-3;
    public const int Steps = 20;

    public static ParityOutcome Compare(IReadOnlyList<double> a, IReadOnlyList<double> b, string aName, string bName)
    {
        var n = Math.Min(Steps, Math.Min(a.Count, b.Count));
        if (n == 0) return ParityOutcome.Refused(Tolerance, 0, $"{(a.Count == 0 ? aName : bName)} recorded no training losses");
        foreach (var (losses, name) in new[] { (a, aName), (b, bName) })
        {
            if (NonFinite.First([.. losses.Take(n)]) is { } bad)
                return ParityOutcome.Refused(Tolerance, n, $"{name}'s loss at step {bad.Index} is {bad.Name}");
        }
        double maxDiff = 0;
        var worst = 0;
        for (var i = 0; i < n; i++)
        {
            var diff = Math.Abs(a[i] - b[i]);
            if (diff > maxDiff) (maxDiff, worst) = (diff, i);
        }
        return maxDiff <= Tolerance
            ? new ParityOutcome(true, maxDiff, Tolerance, n, null)
            : new ParityOutcome(false, maxDiff, Tolerance, n, string.Create(CultureInfo.InvariantCulture,
                $"step {worst}: |{aName} - {bName}| {maxDiff:G3} > {Tolerance:G3}"));
    }
}
