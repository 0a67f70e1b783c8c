namespace Versus.Core.Validation;

/// <summary>Carries validation errors across a boundary that cannot return them (a loader deep in a call chain).</summary>
public sealed class ValidationException(IReadOnlyList<ValidationError> errors)
    : Exception(string.Join(Environment.NewLine, errors))
{
    public ValidationException(ValidationError error) : this([error]) { }

    public IReadOnlyList<ValidationError> Errors { get; } = errors;
}
