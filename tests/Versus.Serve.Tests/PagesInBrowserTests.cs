using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Versus.Core.Results;

namespace Versus.Serve.Tests;

/// <summary>The read-only pages in real headless Chromium, over the seeded store: what a user sees and can reach by keyboard.</summary>
public sealed class PagesInBrowserTests(ServeFixture serve) : IClassFixture<ServeFixture>
{
    [SkippableFact]
    public async Task Should_ListRunsNewestFirstFilterAndPage_When_RunsPageOpened()
    {
        Skip.IfNot(ServeFixture.HasChromium, $"{ServeFixture.Chromium} is absent: install Debian's chromium");
        var (page, problems) = await serve.NewPageAsync();
        await page.GotoAsync(serve.At("/"));

        var rows = page.Locator("table#runs tbody tr");
        Assert.Equal(20, await rows.CountAsync());
        Assert.Equal(SeededStore.RunB, await rows.Nth(0).GetAttributeAsync("data-run"));
        Assert.Equal(SeededStore.RunA, await rows.Nth(1).GetAttributeAsync("data-run"));
        var first = await rows.Nth(1).InnerTextAsync();
        Assert.Contains("bench-01", first, StringComparison.Ordinal);
        Assert.Contains("completed-with-failures", first, StringComparison.Ordinal);
        Assert.Contains("1 / 1 / 0", first, StringComparison.Ordinal);
        Assert.Contains("7 min 0 s", first, StringComparison.Ordinal);
        Assert.Contains("train:", first, StringComparison.Ordinal);
        await Artifacts.ScreenshotAsync(page, "runs");

        // Older runs by keyboard: the pager link is reachable and followed with Enter.
        await page.Locator("a[rel=next]").FocusAsync();
        Assert.Equal("next", await page.EvaluateAsync<string>("() => document.activeElement?.getAttribute('rel') ?? ''"));
        // Wait for the navigation the key starts, not for a URL it may already have reached (a race on a busy machine).
        var paged = page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"[?&]page=2(&|$)"), new() { Timeout = 60_000 });
        await page.Keyboard.PressAsync("Enter");
        await paged;
        Assert.Equal(SeededStore.Runs - 20, await rows.CountAsync());

        await page.GotoAsync(serve.At("/"));
        await page.SelectOptionAsync("#f-status", "completed-with-failures");
        await page.ClickAsync("form.filter button");
        await page.WaitForURLAsync("**status=completed-with-failures**");
        Assert.Equal(1, await rows.CountAsync());
        Assert.Equal(SeededStore.RunA, await rows.Nth(0).GetAttributeAsync("data-run"));

        await page.GotoAsync(serve.At("/"));
        Assert.Equal(["", "bench-01", SeededStore.OtherMachine], await page.Locator("#f-machine option").EvaluateAllAsync<string[]>("o => o.map(x => x.value)"));
        await page.SelectOptionAsync("#f-machine", SeededStore.OtherMachine);
        await page.ClickAsync("form.filter button");
        await page.WaitForURLAsync($"**machine={SeededStore.OtherMachine}**");
        Assert.Equal([SeededStore.OnlyPeak, SeededStore.OnOtherMachine], await rows.EvaluateAllAsync<string[]>("r => r.map(x => x.dataset.run)"));
        Assert.Equal("1 / 0 / 0", (await rows.Nth(0).Locator("td").AllInnerTextsAsync())[5]);
        Assert.Empty(problems);
    }

    [SkippableFact]
    public async Task Should_ReachContentAndNavigationByKeyboard_When_TabIsPressed()
    {
        Skip.IfNot(ServeFixture.HasChromium, $"{ServeFixture.Chromium} is absent: install Debian's chromium");
        var (page, problems) = await serve.NewPageAsync();
        await page.GotoAsync(serve.At("/trends"));

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to content", await page.EvaluateAsync<string>("document.activeElement.textContent"));
        Assert.True(await page.Locator("a.skip").IsVisibleAsync(), "the skip link shows when focused");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("/", await page.EvaluateAsync<string>("document.activeElement.getAttribute('href')"));
        await page.Keyboard.PressAsync("Shift+Tab");
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("document.activeElement.id"));
        Assert.Equal("page", await page.Locator("nav a[href='/trends']").GetAttributeAsync("aria-current"));
        Assert.Empty(problems);
    }

    [SkippableFact]
    public async Task Should_ShowTheReportFailuresAndDownloads_When_RunPageOpened()
    {
        Skip.IfNot(ServeFixture.HasChromium, $"{ServeFixture.Chromium} is absent: install Debian's chromium");
        var (page, problems) = await serve.NewPageAsync();
        await page.GotoAsync(serve.At($"/runs/{SeededStore.RunA}"));

        Assert.Contains(SeededStore.FailureReason, await page.Locator("table#failures").InnerTextAsync(), StringComparison.Ordinal);
        var report = page.FrameLocator("#report-frame");
        await Assertions.Expect(report.Locator("h1")).ToBeVisibleAsync();
        // The frame holds the HtmlRenderer's page: its footer and its embedded results.json name this run.
        Assert.Contains(SeededStore.RunA, await report.Locator("footer").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await report.Locator("section.chart figure svg").CountAsync() > 0, "the report's charts are in the frame");
        await Artifacts.ScreenshotAsync(page, "run");

        var json = await serve.Http.GetStringAsync(await page.Locator("a[href$='results.json']").GetAttributeAsync("href"));
        var results = JsonSerializer.Deserialize<RunResults>(json, ResultsJson.Options)!;
        Assert.Equal(SeededStore.RunA, results.RunId);
        Assert.Equal(2, results.Measurements.Count);
        var markdown = await serve.Http.GetStringAsync(await page.Locator("a[href$='report.md']").GetAttributeAsync("href"));
        Assert.Contains(SeededStore.RunA, markdown, StringComparison.Ordinal);
        Assert.Empty(problems);
    }

    [SkippableFact]
    public async Task Should_ShowSharedMetricsWithRatios_When_TwoRunsCompared()
    {
        Skip.IfNot(ServeFixture.HasChromium, $"{ServeFixture.Chromium} is absent: install Debian's chromium");
        var (page, problems) = await serve.NewPageAsync();
        await page.GotoAsync(serve.At($"/runs/{SeededStore.RunA}"));
        await page.SelectOptionAsync("#compare-b", SeededStore.RunB);
        await page.ClickAsync("form.compare-with button");
        await ComparisonShownAsync(page);

        var row = page.Locator("table#comparison tbody tr", new() { HasText = MetricNames.LatencyBatch1 });
        var cells = await row.Locator("td").AllInnerTextsAsync();
        Assert.Equal(["torchsharp", "small-cnn-28", "inference", MetricNames.LatencyBatch1], cells.Take(4));
        Assert.Equal("A", cells[6]);
        // B's samples are A's times 1.5: the ratio of medians is 1.50.
        Assert.StartsWith("1.50×", cells[7], StringComparison.Ordinal);
        Assert.Equal(3, await page.Locator("table#comparison tbody tr").CountAsync());
        await Artifacts.ScreenshotAsync(page, "compare");
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Should_SayOnlyThePeakFinished_When_RunWasCancelledDuringItsSecondMeasurement()
    {
        using var response = await serve.Http.GetAsync($"/runs/{SeededStore.OnlyPeak}");
        var text = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("No workload was measured: the run stored only its machine peak", text, StringComparison.Ordinal);
        Assert.Contains($"/trends?machine={SeededStore.OtherMachine}", text, StringComparison.Ordinal);
        using var report = await serve.Http.GetAsync($"/runs/{SeededStore.OnlyPeak}/report.html");
        Assert.Equal(System.Net.HttpStatusCode.OK, report.StatusCode);
    }

    [SkippableFact]
    public async Task Should_CompareWithThePreviousRunOfTheSameConfiguration_When_FollowedFromARun()
    {
        Skip.IfNot(ServeFixture.HasChromium, $"{ServeFixture.Chromium} is absent: install Debian's chromium");
        var (page, problems) = await serve.NewPageAsync();
        await page.GotoAsync(serve.At($"/runs/{SeededStore.RunB}"));
        await page.ClickAsync("#compare-previous");
        await ComparisonShownAsync(page);

        // Run A is the newest finished run before B on bench-01 with the same engines and workloads.
        Assert.Contains(SeededStore.RunA, await page.Locator("dl.facts div:first-child dd").InnerTextAsync(), StringComparison.Ordinal);
        var cells = await page.Locator("table#comparison tbody tr", new() { HasText = MetricNames.LatencyBatch1 }).Locator("td").AllInnerTextsAsync();
        // B is 1.5x A in every sample: the test calls it, and A is the faster run.
        Assert.Equal("A", cells[6]);
        Assert.StartsWith("1.50×", cells[7], StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("#no-engine-ratios").CountAsync());
        Assert.Empty(problems);
    }

    [SkippableFact]
    public async Task Should_SaySo_When_NoEarlierRunHasTheConfiguration()
    {
        var response = await serve.Http.GetAsync(serve.At($"/compare?a=previous&b={SeededStore.FillerId(0)}"));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("No finished run before", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_BlameB_When_PreviousIsAskedForAnUnknownRun()
    {
        using var response = await serve.Http.GetAsync("/compare?a=previous&b=20991231-000000-zzzz");
        var text = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("b: run '20991231-000000-zzzz' is not stored", text, StringComparison.Ordinal);
        Assert.DoesNotContain("'previous'", text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Should_ChartTheMetricAcrossRunsWithIntervalsAndVersions_When_TrendsOpened()
    {
        Skip.IfNot(ServeFixture.HasChromium, $"{ServeFixture.Chromium} is absent: install Debian's chromium");
        var (page, problems) = await serve.NewPageAsync();
        await page.GotoAsync(serve.At("/trends?machine=bench-01&engine=torchsharp&workload=small-cnn-28&metric=infer.latency.batch1"));

        var figure = page.Locator("section#trend figure");
        Assert.Equal("img", await figure.GetAttributeAsync("role"));
        Assert.True(await figure.Locator("svg").CountAsync() == 1, "the chart is an inline ScottPlot SVG");
        Assert.Contains("went from", await page.Locator("#trend-desc").InnerTextAsync(), StringComparison.Ordinal);
        var rows = page.Locator("section#trend table tbody tr");
        Assert.Equal(SeededStore.Fillers + 2, await rows.CountAsync());
        var oldest = await rows.Nth(0).Locator("td").AllInnerTextsAsync();
        Assert.Equal(SeededStore.FillerId(0), oldest[1]);
        Assert.Equal("PyTorch 2.10.0 (cpu)", oldest[3]);
        Assert.Contains("–", oldest[5], StringComparison.Ordinal);
        var newest = await rows.Nth(SeededStore.Fillers + 1).Locator("td").AllInnerTextsAsync();
        Assert.Equal(SeededStore.RunB, newest[1]);
        Assert.True(double.Parse(newest[4], CultureInfo.InvariantCulture) > double.Parse(oldest[4], CultureInfo.InvariantCulture));
        // The seeded history: fillers 1% apart (below the 5% threshold), then run A at 1/1.23 of the last filler and
        // run B at 1.5x run A. Exactly those two steps are change points.
        var changes = new List<string>();
        for (var i = 0; i < SeededStore.Fillers + 2; i++) changes.Add((await rows.Nth(i).Locator("td").AllInnerTextsAsync())[7]);
        Assert.Equal("—", changes[0]);
        Assert.All(changes.Skip(1).Take(SeededStore.Fillers - 1), c => Assert.StartsWith("no change", c, StringComparison.Ordinal));
        Assert.StartsWith("lower (0.81x", changes[SeededStore.Fillers], StringComparison.Ordinal);
        Assert.StartsWith("higher (1.50x", changes[SeededStore.Fillers + 1], StringComparison.Ordinal);
        Assert.Contains($"It moved at run(s) #{SeededStore.Fillers + 1} ({SeededStore.RunA}", await page.Locator("#trend-desc").InnerTextAsync(), StringComparison.Ordinal);
        await Artifacts.ScreenshotAsync(page, "trends");
        Assert.Empty(problems);
    }

    [SkippableFact]
    public async Task Should_ShowEachProblemBesideItsField_When_FormValuesAreMalformed()
    {
        Skip.IfNot(ServeFixture.HasChromium, $"{ServeFixture.Chromium} is absent: install Debian's chromium");
        var (page, problems) = await serve.NewPageAsync();
        await page.GotoAsync(serve.At("/new"));
        foreach (var box in await page.Locator("input[name=engines]:checked").AllAsync()) await box.UncheckAsync();
        await page.FillAsync("#threads", "lots");
        await page.FillAsync("#epochs", "0");
        var response = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("form.run-form button[type=submit]"),
            r => r.Request.Method == "POST" && r.Url.EndsWith("/new", StringComparison.Ordinal));

        Assert.Equal(400, response.Status);
        Assert.Contains("Choose at least one engine.", await page.Locator("#engines-error").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Choose at least one workload.", await page.Locator("#workloads-error").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("'lots' is not a thread count", await page.Locator("#threads-error").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("true", await page.Locator("#threads").GetAttributeAsync("aria-invalid"));
        Assert.Equal("threads-error", await page.Locator("#threads").GetAttributeAsync("aria-describedby"));
        Assert.Equal("lots", await page.Locator("#threads").InputValueAsync());
        Assert.Contains("'0' is not a whole number from 1 to 10000", await page.Locator("#epochs-error").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("true", await page.Locator("#epochs").GetAttributeAsync("aria-invalid"));
        Assert.Equal("epochs-error", await page.Locator("#epochs").GetAttributeAsync("aria-describedby"));
        Assert.Equal("0", await page.Locator("#epochs").InputValueAsync());
        await Artifacts.ScreenshotAsync(page, "form-errors");
        // The browser logs the 400 itself; anything else would be the page's fault.
        Assert.DoesNotContain(problems, p => !p.Contains("status of 400", StringComparison.Ordinal));
    }

    /// <summary>
    /// The compare page, once its table is there. Playwright's web-first URL assertion polls the address only;
    /// WaitForURLAsync also waits for the page's load event, and once in CI it timed out after 30 s on a compare page
    /// that had loaded (its log showed the network going idle).
    /// </summary>
    private static async Task ComparisonShownAsync(IPage page)
    {
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/compare\?"));
        await page.Locator("table#comparison tbody tr").First.WaitForAsync();
    }
}
