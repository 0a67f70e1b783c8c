using Microsoft.Playwright;

namespace Versus.Reports.Html.Tests;

/// <summary>Debian's Chromium, headless, with nothing of its own that would reach the network (updates, sync).</summary>
internal static class BrowserPage
{
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright, string executable) => playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = executable,
        Headless = true,
        Args =
        [
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run",
        ],
    });
}
