namespace Versus.Reports.RunToRun;

/// <summary>
/// One setting that is not the same in both runs: <see cref="What"/> names it, <see cref="InA"/> and <see cref="InB"/>
/// are its values. <see cref="Engine"/> and <see cref="Workload"/> scope it; both null means it concerns the whole run.
/// </summary>
public sealed record RunDifference(DifferenceKind Kind, string What, string InA, string InB, string? Engine = null, string? Workload = null)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsRunWide => Engine is null && Workload is null;
}
