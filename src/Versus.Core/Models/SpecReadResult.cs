using Versus.Core.Validation;

namespace Versus.Core.Models;

public sealed record SpecReadResult(ModelSpec? Spec, ModelAnalysis? Analysis, IReadOnlyList<ValidationError> Errors)
{
    public bool IsValid => Spec is not null && Errors.Count == 0;

    public static SpecReadResult Ok(ModelSpec spec, ModelAnalysis analysis) => new(spec, analysis, []);

    public static SpecReadResult Failed(params ValidationError[] errors) => new(null, null, errors);
}
