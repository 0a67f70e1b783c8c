using Versus.Core.Engines;
using Versus.Core.Results;

namespace Versus.Reports.Verdict;

/// <summary>
/// One cell of the deck's deployment table (0-3) from evidence. The deck rates "Mobile / Edge" as one: its value stands
/// beside both <see cref="DeploymentTarget.Mobile"/> and <see cref="DeploymentTarget.Edge"/>.
/// </summary>
public sealed record DeploymentStrength(FrameworkFamily Family, DeploymentTarget Target, Score Score, int? DeckValue);
