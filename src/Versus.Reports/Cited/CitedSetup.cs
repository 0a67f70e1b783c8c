namespace Versus.Reports.Cited;

/// <summary>What the source says about how a figure was obtained; null where the deck does not state it.</summary>
public sealed record CitedSetup(string? Hardware, string? Model, string? Dataset, string? TimingMethod)
{
    public const string NotStated = "not stated in the deck";

    public bool IsEmpty => Hardware is null && Model is null && Dataset is null && TimingMethod is null;

    /// <summary>"hardware: not stated in the deck; model: ...": every field named, so a gap is visible rather than omitted.</summary>
    public string Describe() => IsEmpty
        ? "none of hardware, model, dataset or timing method is stated in the deck"
        : $"hardware: {Hardware ?? NotStated}; model: {Model ?? NotStated}; dataset: {Dataset ?? NotStated}; timing method: {TimingMethod ?? NotStated}";
}
