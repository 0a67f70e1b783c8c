namespace Versus.Reports.Model;

/// <summary>The value axis: its label with the unit the points are already in, and whether it is logarithmic.</summary>
/// <param name="Minimum">Fixed bounds for scales that have them (a 0-10 score); null to fit the data.</param>
public sealed record ChartAxis(string Label, string Unit, bool Log = false, double? Minimum = null, double? Maximum = null);
