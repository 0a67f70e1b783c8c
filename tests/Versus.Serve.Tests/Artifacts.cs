using Microsoft.Playwright;

namespace Versus.Serve.Tests;

/// <summary>Screenshots kept for a reader of the test run, under the test bin's TestResults/artifacts.</summary>
internal static class Artifacts
{
    public static string Folder { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "TestResults", "artifacts")).FullName;

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Folder, $"serve-{name}.png"), FullPage = true });
}
