using System.Globalization;
using Versus.Core.Engines;
using Versus.Core.Results;
using Versus.Reports.Cited;

namespace Versus.Reports.Verdict;

/// <summary>The deck's own feature scores and deployment strengths (Cited/cited-facts.json), looked up by family.</summary>
internal sealed class DeckScores(CitedFacts facts)
{
    public int? Feature(FrameworkFamily family, Feature feature) =>
        Value(CitedTableIds.FeatureScores, family, feature.ToString());

    public int? Strength(FrameworkFamily family, DeploymentTarget target) =>
        Value(CitedTableIds.DeploymentStrengths, family, target switch
        {
            DeploymentTarget.Mobile or DeploymentTarget.Edge => "Mobile / Edge",
            DeploymentTarget.Server => "Server",
            DeploymentTarget.Browser => "Browser",
            DeploymentTarget.Tpu => "TPU Support",
            DeploymentTarget.OnnxInterop => "ONNX Interoperability",
            _ => target.ToString(),
        });

    private int? Value(string table, FrameworkFamily family, string quantity)
    {
        var name = family.ToString();
        var fact = facts.InTable(table).FirstOrDefault(f =>
            string.Equals(f.Framework, name, StringComparison.OrdinalIgnoreCase) && f.Quantity == quantity);
        return fact is null ? null : (int)Math.Round(fact.Value, MidpointRounding.AwayFromZero);
    }

    public static string Text(int value, int max) => string.Create(CultureInfo.InvariantCulture, $"{value}/{max}");
}
