namespace Versus.Core.Parity;

/// <summary>Finds the first NaN or infinity: .NET's Max skips NaN, and an infinity makes any scaled tolerance infinite.</summary>
internal static class NonFinite
{
    /// <summary>"NaN", "+infinity" or "-infinity" for the first non-finite value, with its position; null when all are finite.</summary>
    public static (int Index, string Name)? First(IReadOnlyList<double> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            var v = values[i];
            if (double.IsNaN(v)) return (i, "NaN");
            if (double.IsInfinity(v)) return (i, v > 0 ? "+infinity" : "-infinity");
        }
        return null;
    }
}
