namespace Versus.Reports.Verdict;

/// <summary>
/// One priority's part in a recommendation: its weight, each framework's 0-1 value (the score's unrounded share of its
/// maximum; null where unknown) and the evidence behind them. <see cref="Used"/>: weighted above 0 and known for both.
/// </summary>
public sealed record PriorityContribution(
    Priority Priority,
    double Weight,
    double? PyTorch,
    double? TensorFlow,
    string Figures,
    IReadOnlyList<string> EvidenceIds)
{
    public bool Known => PyTorch is not null && TensorFlow is not null;

    public bool Used => Weight > 0 && Known;

    /// <summary>PyTorch's value minus TensorFlow's: how much one unit of this weight moves the margin towards PyTorch.</summary>
    public double Difference => Known ? PyTorch!.Value - TensorFlow!.Value : 0;
}
