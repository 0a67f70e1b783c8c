using Versus.Core.Engines;

namespace Versus.Serve.Runs;

/// <summary>
/// The registered engines with their availability, checked once (a check may start Node.js or Chromium) and then kept:
/// what is installed does not change while the dashboard runs.
/// </summary>
public sealed class EngineChoices(IReadOnlyList<IEngineProvider> providers)
{
    private readonly Lazy<Task<IReadOnlyList<EngineChoice>>> choices = new(() => CheckAsync(providers));

    public IReadOnlyList<string> Ids { get; } = [.. providers.Select(p => p.Id)];

    public Task<IReadOnlyList<EngineChoice>> GetAsync() => choices.Value;

    private static async Task<IReadOnlyList<EngineChoice>> CheckAsync(IReadOnlyList<IEngineProvider> providers)
    {
        var list = new List<EngineChoice>();
        foreach (var p in providers)
        {
            EngineAvailability a;
            try
            {
                a = await p.CheckAvailabilityAsync(CancellationToken.None);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                a = EngineAvailability.Unusable($"its availability check failed ({e.Message})", "run 'versus list' for details");
            }
            list.Add(new EngineChoice(p.Id, a.IsUsable, a.Summary, a.Fix, p.IncludedByDefault));
        }
        return list;
    }
}
