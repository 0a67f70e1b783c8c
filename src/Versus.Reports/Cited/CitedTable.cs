namespace Versus.Reports.Cited;

/// <summary>One of the deck's tables; <see cref="Workload"/> is the Versus workload (or workload family) it is set beside.</summary>
public sealed record CitedTable(string Id, string Title, string? Workload);
