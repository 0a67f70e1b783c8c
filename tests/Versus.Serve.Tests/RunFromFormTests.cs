using Microsoft.Playwright;
using Versus.Store;
using Xunit.Abstractions;

namespace Versus.Serve.Tests;

/// <summary>
/// Real runs started from the form: 'versus run --engines torchsharp --workloads depth-2 --quick --no-deploy' as a
/// child (about a minute here), followed live in Chromium over Server-Sent Events until it opens its report, and one
/// cancelled (which stays on the live page). One class, so the runs never overlap.
/// </summary>
public sealed class RunFromFormTests(ServeFixture serve, ITestOutputHelper output) : IClassFixture<ServeFixture>
{
    private static readonly float RunTimeoutMs = (float)TimeSpan.FromMinutes(5).TotalMilliseconds;

    [SkippableFact]
    public async Task Should_ShowEachMeasurementAndOpenTheReport_When_RunStartedFromTheFormCompletes()
    {
        Skip.IfNot(ServeFixture.HasChromium, $"{ServeFixture.Chromium} is absent: install Debian's chromium");
        var (page, problems) = await serve.NewPageAsync();
        await StartCheapRunAsync(page);
        var linesAtLoad = await page.Locator("#lines li").CountAsync();
        await page.Locator("#status", new() { HasTextRegex = new("Measurement \\d of 3") }).WaitForAsync(new() { Timeout = RunTimeoutMs });
        await Artifacts.ScreenshotAsync(page, "live-running");
        // Lines arrive over the event stream, without a reload.
        await page.WaitForFunctionAsync("n => document.querySelectorAll('#lines li').length > n", linesAtLoad);
        var runId = serve.Host.Supervisor.Current!.RunId!;

        // The run completes and the live page opens its report by itself.
        await page.WaitForURLAsync($"**/runs/{runId}", new() { Timeout = RunTimeoutMs });
        Assert.Contains("completed", await page.Locator("dl.facts").InnerTextAsync(), StringComparison.Ordinal);
        await Assertions.Expect(page.FrameLocator("#report-frame").Locator("h1")).ToBeVisibleAsync();

        // Back on the live page: every line, the whole progress, no cancel button, and the report linked (the way
        // there without script); a finished run's page stays put rather than sending the reader away again.
        await page.GotoAsync(serve.At("/live"));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.EndsWith("/live", page.Url, StringComparison.Ordinal);
        Assert.Equal(3, await page.Locator("#lines li.result").CountAsync());
        Assert.Equal(["1/3", "2/3", "3/3"], (await page.Locator("#lines li.measuring").AllInnerTextsAsync()).Select(t => t[1..4]));
        var progress = await page.EvaluateAsync<double[]>("() => { const p = document.getElementById('progress'); return [p.value, p.max]; }");
        Assert.Equal(new[] { 3.0, 3.0 }, progress);
        Assert.StartsWith("Run completed", await page.Locator("#status").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("#cancel").IsHiddenAsync(), "no cancel button once the run has ended");
        await Artifacts.ScreenshotAsync(page, "live-finished");

        output.WriteLine(string.Join("\n", await page.Locator("#lines li").AllInnerTextsAsync()));
        // A client that has seen every line of a finished run gets the end at once, not a stream left waiting.
        using (var late = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            var tail = await serve.Http.GetStringAsync("/live/events?after=100000", late.Token);
            Assert.Equal("event: end\ndata: {}\n\n", tail);
        }
        await page.ClickAsync("#report-link");
        await page.WaitForURLAsync($"**/runs/{runId}");
        Assert.Empty(problems);
    }

    [SkippableFact]
    public async Task Should_RefuseASecondRunAndStoreTheFirstCancelled_When_CancelIsPressed()
    {
        Skip.IfNot(ServeFixture.HasChromium, $"{ServeFixture.Chromium} is absent: install Debian's chromium");
        var (page, _) = await serve.NewPageAsync();
        await StartCheapRunAsync(page);
        await page.Locator("#status", new() { HasTextRegex = new("Measurement 1 of 3") }).WaitForAsync(new() { Timeout = RunTimeoutMs });
        var runId = serve.Host.Supervisor.Current!.RunId!;

        // A second run while one is in progress: refused, with the reason.
        var second = await page.Context.NewPageAsync();
        await second.GotoAsync(serve.At("/new"));
        await second.CheckAsync("#workload-depth-2");
        var refused = await second.RunAndWaitForResponseAsync(() => second.ClickAsync("form.run-form button[type=submit]"),
            r => r.Request.Method == "POST");
        Assert.Equal(409, refused.Status);
        Assert.Contains("already in progress", await second.Locator("p.error").InnerTextAsync(), StringComparison.Ordinal);
        await Artifacts.ScreenshotAsync(second, "second-run-refused");

        // Cancel by keyboard.
        await page.Locator("#cancel button").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        // Whatever way the run ends (the cancel button goes), the page's lines and the child's exit say how, should it
        // not be the cancellation (CI once waited 5 minutes here for a "Run cancelled" that never came).
        await page.Locator("#cancel").WaitForAsync(new() { State = WaitForSelectorState.Hidden, Timeout = RunTimeoutMs });
        var status = await page.Locator("#status").InnerTextAsync();
        var lines = string.Join("\n", await page.Locator("#lines li").AllInnerTextsAsync());
        Assert.True(status.StartsWith("Run cancelled", StringComparison.Ordinal),
            $"status '{status}', child exit {serve.Host.Supervisor.Current?.ExitCode}, lines:\n{lines}");
        await Artifacts.ScreenshotAsync(page, "live-cancelled");

        await using var store = await SqliteResultStore.OpenAsync(serve.StorePath);
        var stored = await store.LoadRunAsync(runId);
        Assert.Equal("cancelled", stored!.Status);
        Assert.True(stored.Measurements.Count < 3, "the run stopped before its last measurement");
    }

    private async Task StartCheapRunAsync(IPage page)
    {
        // The form lists each engine's availability; the first check of TensorFlow.js installs its worker's npm packages
        // (npm ci), which on a fresh machine takes longer than a page load's default 30 s.
        await page.GotoAsync(serve.At("/new"), new PageGotoOptions { Timeout = 180_000 });
        foreach (var box in await page.Locator("input[name=engines]:checked").AllAsync()) await box.UncheckAsync();
        await page.CheckAsync("#engine-torchsharp");
        await page.CheckAsync("#workload-depth-2");
        Assert.True(await page.IsCheckedAsync("#quick"));
        Assert.True(await page.IsCheckedAsync("#no-deploy"));
        await page.ClickAsync("form.run-form button[type=submit]");
        await page.WaitForURLAsync("**/live");
    }
}
