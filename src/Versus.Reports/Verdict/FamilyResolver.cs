using Versus.Core.Engines;
using Versus.Core.Results;

namespace Versus.Reports.Verdict;

/// <summary>
/// Which framework each engine and deployment record speaks for. An ONNX runtime speaks for the framework whose trained
/// model was exported to ONNX and reproduced there: the family of the run's passed ONNX-interop probe, if exactly one.
/// </summary>
internal sealed class FamilyResolver
{
    private readonly RunResults results;

    public FamilyResolver(RunResults results)
    {
        this.results = results;
        var sources = (results.Deployment ?? [])
            .Where(r => r.Target == DeploymentTarget.OnnxInterop && r.Status == DeploymentStatus.Passed)
            .Select(r => InteropSource(r).Family)
            .OfType<FrameworkFamily>()
            .Distinct()
            .ToList();
        OnnxSource = sources.Count == 1 ? sources[0] : null;
    }

    /// <summary>The framework whose model the ONNX runtimes ran, or null where no single one passed the interop probe.</summary>
    public FrameworkFamily? OnnxSource { get; }

    public (FrameworkFamily? Family, bool FromName) OfEngine(string engineId)
    {
        if (results.Engines.FirstOrDefault(e => e.Id == engineId)?.Family is { } declared) return (declared, false);
        return LegacyEngineFamilies.FromName(engineId) is { } guessed ? (guessed, true) : (null, false);
    }

    /// <summary>The framework a probe is credited to, and whether it ran that framework's model through ONNX.</summary>
    public (FrameworkFamily? Family, bool FromName, bool ThroughOnnx) OfRecord(DeploymentRecord record)
    {
        if (record.Target == DeploymentTarget.OnnxInterop)
        {
            var (source, fromName) = InteropSource(record);
            return (source, fromName, false);
        }
        var (family, guessed) = record.Family is { } declared
            ? (declared, false)
            : (LegacyEngineFamilies.FromName(record.Engine), true);
        if (family != FrameworkFamily.Onnx) return (family, family is not null && guessed, false);
        return OnnxSource is { } exported ? (exported, guessed, true) : (null, guessed, true);
    }

    /// <summary>The interop probe exports one framework's model; a record declaring only "onnx" names that side by its engine.</summary>
    private static (FrameworkFamily? Family, bool FromName) InteropSource(DeploymentRecord record)
    {
        if (record.Family is FrameworkFamily.PyTorch or FrameworkFamily.TensorFlow) return (record.Family, false);
        var guessed = LegacyEngineFamilies.FromName(record.Engine);
        return guessed is FrameworkFamily.PyTorch or FrameworkFamily.TensorFlow ? (guessed, true) : (null, false);
    }
}
