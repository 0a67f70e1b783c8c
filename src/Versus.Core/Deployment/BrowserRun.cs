namespace Versus.Core.Deployment;

/// <summary>What one browser session gave back: the browser in words ("Chromium 140.0") and each runtime's outcome.</summary>
public sealed record BrowserRun(string Browser, IReadOnlyList<BrowserRuntimeRun> Runs);
