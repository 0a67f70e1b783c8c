using Versus.Core.Engines;
using Versus.Core.Results;
using Versus.Reports.Cited;

namespace Versus.Cli.Deployment;

/// <summary>
/// The deployment targets no probe here can reach (mobile, TPU): the deck's 0-3 scores as records with status cited and
/// the deck's source, so results.json covers every target of the deck's table without inventing a measurement. Each row
/// carries the family the fact is about ("PyTorch", "TensorFlow"); a framework no family names leaves it null.
/// </summary>
public static class CitedDeploymentRows
{
    private static readonly (DeploymentTarget Target, string Quantity, string WhyNotMeasured)[] Targets =
    [
        (DeploymentTarget.Mobile, "Mobile / Edge", "Versus has no mobile probe (it needs a phone or an emulator)"),
        (DeploymentTarget.Tpu, "TPU Support", "Versus has no TPU engine"),
    ];

    public static IReadOnlyList<DeploymentRecord> Create(CitedFacts facts)
    {
        var strengths = facts.InTable(CitedTableIds.DeploymentStrengths);
        var records = new List<DeploymentRecord>();
        foreach (var (target, quantity, why) in Targets)
        {
            foreach (var fact in strengths.Where(f => f.Quantity == quantity))
            {
                records.Add(new DeploymentRecord(target, fact.Framework, DeploymentRecord.AnyWorkload, DeploymentStatus.Cited,
                    $"The deck rates {fact.Framework} {fact.ValueText} for {quantity} (\"{fact.Quote}\"); not measured: {why}.", [], fact.Source,
                    Family(fact.Framework)));
            }
        }
        return records;
    }

    /// <summary>The family a cited framework name stands for, matched on the enum's name ("PyTorch", "TensorFlow", "ONNX").</summary>
    public static FrameworkFamily? Family(string framework) =>
        Enum.TryParse<FrameworkFamily>(framework, ignoreCase: true, out var family) && Enum.IsDefined(family) ? family : null;
}
