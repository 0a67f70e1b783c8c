namespace Versus.Reports.Verdict;

/// <summary>
/// Named sets of weights for the common questions (docs/scoring.md gives the reasoning). A priority a profile leaves out
/// weighs 0: it is still shown, but it cannot decide.
/// </summary>
public static class PriorityProfiles
{
    public const string Balanced = "balanced";
    public const string Research = "research";
    public const string ProductionServer = "production-server";
    public const string BrowserApp = "browser-app";
    public const string Edge = "edge";

    private static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<Priority, double>> Weights =
        new Dictionary<string, IReadOnlyDictionary<Priority, double>>(StringComparer.Ordinal)
        {
            // Every priority counts the same: the default when the user states nothing.
            [Balanced] = Enum.GetValues<Priority>().ToDictionary(p => p, _ => 1.0),
            // Iterating on models: how fast it trains and how easy and well supported it is; deployment barely matters.
            [Research] = new Dictionary<Priority, double>
            {
                [Priority.TrainingSpeed] = 3, [Priority.Usability] = 2, [Priority.Community] = 2,
                [Priority.InferenceLatency] = 1, [Priority.Interop] = 1,
            },
            [ProductionServer] = new Dictionary<Priority, double>
            {
                [Priority.Server] = 3, [Priority.InferenceThroughput] = 3, [Priority.InferenceLatency] = 2,
                [Priority.ColdStart] = 1, [Priority.TrainingSpeed] = 1, [Priority.Community] = 1,
            },
            // A page loads the model on every visit: load time and single-image latency matter beside reaching the browser.
            [BrowserApp] = new Dictionary<Priority, double>
            {
                [Priority.Browser] = 3, [Priority.InferenceLatency] = 2, [Priority.ColdStart] = 2, [Priority.TrainingSpeed] = 1,
            },
            [Edge] = new Dictionary<Priority, double>
            {
                [Priority.Edge] = 3, [Priority.Mobile] = 2, [Priority.InferenceLatency] = 2, [Priority.ColdStart] = 1,
                [Priority.TrainingSpeed] = 1,
            },
        };

    public static IReadOnlyList<string> Names { get; } = [Balanced, Research, ProductionServer, BrowserApp, Edge];

    public static bool TryGet(string name, out Priorities priorities)
    {
        if (Weights.TryGetValue(name, out var weights))
        {
            priorities = new Priorities(name, weights);
            return true;
        }
        priorities = Priorities.Default;
        return false;
    }
}
