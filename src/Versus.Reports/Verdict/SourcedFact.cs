using Versus.Core.Engines;

namespace Versus.Reports.Verdict;

/// <summary>
/// One fact from a named source (Verdict/cited-evidence.json): the claim in plain words, the exact figure where the
/// source gives one, when it held (<see cref="AsOf"/>: a year, year-month or date), and where to check it: a
/// <see cref="Url"/> or a <see cref="Publication"/>. <see cref="Support"/> is set for deployment topics only.
/// </summary>
public sealed record SourcedFact(
    string Id,
    FrameworkFamily Family,
    CitedTopic Topic,
    string Claim,
    double? Figure,
    string? Unit,
    SupportLevel? Support,
    string AsOf,
    string Source,
    string? Url,
    string? Publication,
    string? Note)
{
    public bool IsDeploymentTopic => Topic is not (CitedTopic.Usability or CitedTopic.Community);
}
