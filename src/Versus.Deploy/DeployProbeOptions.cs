using Versus.Core.Statistics;

namespace Versus.Deploy;

/// <summary>How a deploy probe loads the server. The defaults send enough requests per level for a reportable p99.</summary>
public sealed record DeployProbeOptions
{
    public static DeployProbeOptions Default { get; } = new();

    public IReadOnlyList<int> Concurrency { get; init; } = [1, 8, 32];

    /// <summary>The same count at every level, so levels are comparable; 662 is the fewest that support a p99.</summary>
    public int RequestsPerLevel { get; init; } = TailPercentileRule.MinimumForP99;

    /// <summary>Untimed requests at the highest concurrency first: connections open and the session's first runs happen outside the levels.</summary>
    public int WarmupRequests { get; init; } = 64;

    /// <summary>The serving engine's intra-op threads; 1 because concurrent requests already occupy the cores.</summary>
    public int Threads { get; init; } = 1;

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
