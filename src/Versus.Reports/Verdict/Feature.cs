namespace Versus.Reports.Verdict;

/// <summary>The deck's feature scores (0-10).</summary>
public enum Feature
{
    Usability,
    Deployment,
    Performance,
    Community,
}
