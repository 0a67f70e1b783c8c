using System.Globalization;
using Microsoft.Playwright;
using Versus.Core.Results;
using Versus.Reports.Model;
using Versus.Reports.Tests;
using Versus.Testing;
using Xunit.Abstractions;

namespace Versus.Reports.Html.Tests;

/// <summary>
/// The page as a reader gets it: the file opened from disk in real headless Chromium (Debian's), with no server. Its
/// figures are read back from the DOM and compared with the model and results the page was made from.
/// </summary>
public sealed class ReportInBrowserTests(ITestOutputHelper output)
{
    private const string Chromium = "/usr/bin/chromium";

    [SkippableFact]
    public async Task Should_OpenOfflineAndShowTheModelsFigures_When_OpenedFromAFile()
    {
        Skip.IfNot(File.Exists(Chromium), $"{Chromium} is absent: install Debian's chromium to open the report in a browser");
        var results = SampleRun.TwoEngines();
        var report = SampleReport.Build(results.RunId);
        using var folder = new TempDirectory();
        var path = folder.File("report.html");
        await File.WriteAllTextAsync(path, new HtmlRenderer().Render(report, results));
        var url = new Uri(path).AbsoluteUri;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserPage.LaunchAsync(playwright, Chromium);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var problems = new List<string>();
        var requests = new List<string>();
        page.Console += (_, message) => { if (message.Type is "error" or "warning") problems.Add($"console {message.Type}: {message.Text}"); };
        page.PageError += (_, error) => problems.Add($"page error: {error}");
        page.Request += (_, request) => requests.Add(request.Url);
        await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.Load });

        Assert.Empty(problems);
        Assert.All(requests, r => Assert.True(r == url || r.StartsWith("data:", StringComparison.Ordinal), $"request left the file: {r}"));
        Assert.Equal(report.Charts.Count(), await page.Locator("figure").CountAsync());
        await AssertFiguresHaveChartsAsync(page);
        await AssertEmbeddedResultsAsync(page, results);
        await AssertChartDataAsync(page, report);
        Assert.Equal(SampleReport.Hostile, await page.Locator("main table:not(.chart-data)").First.Locator("tbody tr:nth-child(2) td:nth-child(2)").InnerTextAsync());
        Assert.Equal(0, await page.Locator("main script, main img").CountAsync());
        // A laptop screen: the run's and the machine's "field | value" tables fit the page (a peak derivation kept on
        // one line once made the environment table three screens wide).
        var overflowing = await page.EvalOnSelectorAllAsync<string[]>(".table-wrap", """
            wraps => wraps.filter(w => w.querySelectorAll('thead th').length === 2 && w.scrollWidth > w.clientWidth + 1)
                .map(w => w.querySelector('thead th').textContent)
            """);
        Assert.Empty(overflowing);

        var screenshot = Path.Combine(AppContext.BaseDirectory, "TestResults", "artifacts", "report.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        File.Copy(path, Path.ChangeExtension(screenshot, ".html"), overwrite: true);
        foreach (var chart in report.Charts)
        {
            var figure = Path.Combine(Path.GetDirectoryName(screenshot)!, $"chart-{chart.Id}.png");
            await page.Locator($"section#{chart.Id} figure").ScreenshotAsync(new() { Path = figure });
        }
        output.WriteLine($"screenshot: {screenshot}");
    }

    [SkippableFact]
    public async Task Should_OpenAFoldedTableOnAKeyAndPrintItOpen_When_ItIsLong()
    {
        Skip.IfNot(File.Exists(Chromium), $"{Chromium} is absent: install Debian's chromium to open the report in a browser");
        var table = new TableBlock(["Metric", "Median"], [.. Enumerable.Range(0, 40).Select(i => (IReadOnlyList<Text>)[$"metric-{i}", $"{i} ms"])]);
        using var folder = new TempDirectory();
        var path = folder.File("report.html");
        await File.WriteAllTextAsync(path, new HtmlRenderer().Render(new ReportDocument("r", "t", [table]), SampleRun.TwoEngines()));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserPage.LaunchAsync(playwright, Chromium);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        await page.GotoAsync(new Uri(path).AbsoluteUri);
        var last = page.GetByText("metric-39", new() { Exact = true });

        Assert.False(await last.IsVisibleAsync(), "a 40-row table is shown unfolded");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.True(await last.IsVisibleAsync(), "a folded table does not print");
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        await page.Locator("summary").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        Assert.True(await last.IsVisibleAsync(), "Enter on the summary does not open the table");
    }

    private static async Task AssertFiguresHaveChartsAsync(IPage page)
    {
        foreach (var figure in await page.Locator("figure").AllAsync())
        {
            Assert.Equal(1, await figure.Locator("svg").CountAsync());
            var svgText = await figure.Locator("svg").EvaluateAsync<string>("svg => svg.textContent");
            Assert.False(string.IsNullOrWhiteSpace(svgText), "a figure's chart has no text (axis titles, ticks, legend)");
            var box = await figure.Locator("svg").BoundingBoxAsync();
            Assert.True(box is { Width: > 300, Height: > 100 }, "a chart is drawn too small to read");
        }
    }

    private static async Task AssertEmbeddedResultsAsync(IPage page, RunResults results)
    {
        var json = await page.Locator("#results-json").TextContentAsync() ?? string.Empty;
        var embedded = ResultsJson.Deserialize<RunResults>(json);
        Assert.Equal(results.RunId, embedded.RunId);
        Assert.Equal(results.Measurements.Count, embedded.Measurements.Count);
        Assert.Equal(ResultsJson.Serialize(results), ResultsJson.Serialize(embedded));
    }

    /// <summary>Every chart's table on the page holds its points' numbers, row for row.</summary>
    private static async Task AssertChartDataAsync(IPage page, ReportDocument report)
    {
        foreach (var chart in report.Charts)
        {
            var rows = await page.Locator($"table.chart-data[data-chart='{chart.Id}'] tbody tr").AllAsync();
            var points = chart.Series.SelectMany(s => s.Points.Select(p => (Series: s.Name, Point: p))).ToList();
            Assert.Equal(points.Count, rows.Count);
            for (var i = 0; i < rows.Count; i++)
            {
                var cells = await rows[i].Locator("td").AllInnerTextsAsync();
                Assert.Equal(points[i].Series, cells[0]);
                Assert.Equal(points[i].Point.Category, cells[1]);
                Assert.Equal(points[i].Point.X, Parse(cells[2]));
                Assert.Equal(points[i].Point.Value, Parse(cells[3]));
                Assert.Equal(points[i].Point.Low, Parse(cells[4]));
                Assert.Equal(points[i].Point.High, Parse(cells[5]));
            }
        }
    }

    private static double? Parse(string cell) =>
        cell.Trim().Length == 0 ? null : double.Parse(cell, NumberStyles.Float, CultureInfo.InvariantCulture);
}
