namespace Versus.Core.Deployment;

/// <summary>
/// Runtimes that run the exported model in a browser page. One capability may host several runtimes in one browser
/// session (TensorFlow.js and onnxruntime-web share the Chromium the TensorFlow.js worker drives); each yields a row.
/// </summary>
public interface IBrowserCapability : IDeploymentCapability
{
    /// <summary>Every runtime this capability runs, in the order its rows appear.</summary>
    IReadOnlyList<BrowserRuntime> Runtimes { get; }

    /// <summary>Null when the page can run here, else why not and what would fix it (a not-exercised row's reason).</summary>
    Task<string?> WhyUnavailableAsync(CancellationToken cancellationToken);

    Task<BrowserRun> RunAsync(BrowserInput input, TimeSpan timeout, CancellationToken cancellationToken);
}
