using Versus.Core.Engines;

namespace Versus.Core.Deployment;

/// <summary>One runtime a browser capability runs in the page, as its records name it, and whose framework it stands for.</summary>
public sealed record BrowserRuntime(string Engine, FrameworkFamily Family);
