namespace Versus.Reports.Verdict;

/// <summary>The one spelling of each priority, shared by parsing, results.json and every sentence the verdict writes.</summary>
public static class PriorityNames
{
    private static readonly IReadOnlyDictionary<Priority, string> Names = new Dictionary<Priority, string>
    {
        [Priority.TrainingSpeed] = "training-speed",
        [Priority.InferenceLatency] = "inference-latency",
        [Priority.InferenceThroughput] = "inference-throughput",
        [Priority.ColdStart] = "cold-start",
        [Priority.Browser] = "browser",
        [Priority.Edge] = "edge",
        [Priority.Server] = "server",
        [Priority.Interop] = "interop",
        [Priority.Mobile] = "mobile",
        [Priority.Tpu] = "tpu",
        [Priority.Usability] = "usability",
        [Priority.Community] = "community",
    };

    private static readonly IReadOnlyDictionary<string, Priority> ByName =
        Names.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    /// <summary>Every name, in the enum's order, for "allowed: ..." messages.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Enum.GetValues<Priority>().Select(p => Names[p])];

    public static string Name(this Priority priority) => Names[priority];

    /// <summary>Case-sensitive on purpose: results.json stores these names and must read back the same.</summary>
    public static bool TryParse(string name, out Priority priority) => ByName.TryGetValue(name, out priority);
}
