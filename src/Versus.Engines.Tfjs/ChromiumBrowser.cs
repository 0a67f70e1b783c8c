namespace Versus.Engines.Tfjs;

/// <summary>
/// The Chromium the browser backends and the browser deployment probe use: the same search as the worker's
/// lib/chromium.js, so `versus list` says beforehand what the worker will find.
/// </summary>
public static class ChromiumBrowser
{
    public const string ExecutableVariable = "VERSUS_CHROMIUM";

    public static IReadOnlyList<string> Candidates { get; } =
        ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

    /// <summary>The executable, or null when none is installed.</summary>
    public static string? Find() =>
        Environment.GetEnvironmentVariable(ExecutableVariable) is { Length: > 0 } configured
            ? (File.Exists(configured) ? configured : null)
            : Candidates.FirstOrDefault(File.Exists);
}
