namespace Versus.Core.Validation;

/// <summary>
/// A problem with user input, worded for the user: where it is (file, JSON path, argument) and what would fix it.
/// Validators return these instead of throwing, so every problem can be reported at once.
/// </summary>
public sealed record ValidationError(string Source, string Location, string Message)
{
    public override string ToString() =>
        string.IsNullOrEmpty(Location) ? $"{Source}: {Message}" : $"{Source} at {Location}: {Message}";
}
