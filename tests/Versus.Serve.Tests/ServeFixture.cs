using Microsoft.Playwright;
using Versus.Cli;
using Versus.Cli.Commands;
using Versus.Core.Planning;
using Versus.Reports.Html.Tests;
using Versus.Serve.Hosting;

namespace Versus.Serve.Tests;

/// <summary>
/// A dashboard on a free loopback port over a seeded store, started in process as 'versus serve' starts it, with the
/// real 'versus' (beside the tests) as the child it launches, and Debian's Chromium to look at it.
/// </summary>
public sealed class ServeFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private readonly TempDirectory folder = new();
    private IPlaywright? playwright;

    public ServeHost Host { get; private set; } = null!;

    public IBrowser? Browser { get; private set; }

    public HttpClient Http { get; private set; } = null!;

    public string StorePath => folder.File("results.db");

    public static bool HasChromium => File.Exists(Chromium);

    public static ServeOptions Options(string storePath, int port = 0, bool allowRemote = false, string? token = null)
    {
        var self = SelfLaunch.Context().Self;
        return new ServeOptions(port, allowRemote, token, storePath, new RunLauncher(self.FileName, self.Arguments), EngineCatalog.All,
            [.. WorkloadCatalog.Locate().Ids, "depth-2", "depth-4"]);
    }

    public async Task InitializeAsync()
    {
        await SeededStore.WriteAsync(StorePath);
        Host = await ServeHost.StartAsync(Options(StorePath));
        Http = new HttpClient { BaseAddress = Host.Url };
        if (!HasChromium) return;
        playwright = await Playwright.CreateAsync();
        Browser = await BrowserPage.LaunchAsync(playwright, Chromium);
    }

    /// <summary>A page that records console errors and page errors (a CSP violation is one) for the test to assert on.</summary>
    public async Task<(IPage Page, List<string> Problems)> NewPageAsync(bool bypassCsp = false)
    {
        var context = await Browser!.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 900 }, BypassCSP = bypassCsp });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") problems.Add($"console: {m.Text}"); };
        page.PageError += (_, e) => problems.Add($"page error: {e}");
        return (page, problems);
    }

    public string At(string path) => new Uri(Host.Url, path).AbsoluteUri;

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        if (Host is not null) await Host.DisposeAsync();
        folder.Dispose();
    }
}
