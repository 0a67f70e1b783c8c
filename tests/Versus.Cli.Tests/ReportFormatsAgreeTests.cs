using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Versus.Core.Results;
using Versus.Reports.Html.Tests;
using Xunit.Abstractions;

namespace Versus.Cli.Tests;

/// <summary>
/// The three files a real quick run leaves tell one story: report.html, opened from disk in headless Chromium, shows the
/// same tables as report.md, cell for cell, embeds the run's results.json, and its batch-1 latencies are the medians
/// results.json holds.
/// </summary>
[Collection(QuickRunCollection.Name)]
public sealed partial class ReportFormatsAgreeTests(QuickRunFixture run, ITestOutputHelper output)
{
    private const string Chromium = "/usr/bin/chromium";

    [SkippableFact]
    public async Task Should_ShowTheSameFiguresInEveryFormat_When_AQuickRunWritesItsReports()
    {
        Skip.IfNot(File.Exists(Chromium), $"{Chromium} is absent: install Debian's chromium to open the report in a browser");
        Assert.True(run.Result.ExitCode == 0, $"the quick run failed (exit {run.Result.ExitCode}):\n{run.Result.Stderr}");
        var resultsJson = await File.ReadAllTextAsync(Path.Combine(run.OutDirectory, "results.json"));
        var results = ResultsJson.Deserialize<RunResults>(resultsJson);
        var markdownTables = MarkdownTables(await File.ReadAllTextAsync(Path.Combine(run.OutDirectory, "report.md")));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserPage.LaunchAsync(playwright, Chromium);
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(new Uri(Path.Combine(run.OutDirectory, "report.html")).AbsoluteUri);
        // A long table is folded; a reader opens it to read it, and so does the test.
        await page.EvalOnSelectorAllAsync("details", "folds => folds.forEach(f => f.open = true)");
        var htmlTables = await HtmlTablesAsync(page);
        var embedded = ResultsJson.Deserialize<RunResults>(await page.Locator("#results-json").TextContentAsync() ?? "");
        await page.ScreenshotAsync(new() { Path = Artifact("quick-run-report.png"), FullPage = true });

        Assert.Empty(errors);
        Assert.Equal(ResultsJson.Serialize(results), ResultsJson.Serialize(embedded));
        Assert.Equal(markdownTables.Count, htmlTables.Count);
        for (var i = 0; i < markdownTables.Count; i++)
            Assert.True(markdownTables[i].SequenceEqual(htmlTables[i], RowComparer.Instance),
                $"table {i + 1} differs:\nreport.md:\n{Show(markdownTables[i])}\nreport.html:\n{Show(htmlTables[i])}");

        var latencies = results.Measurements.Where(m => m is { Kind: MeasurementKind.Inference, Status: MeasurementStatus.Ok }).ToList();
        Assert.NotEmpty(latencies);
        // The batch-1 latency chart's data table: its header names the unit the report chose for it (µs or ms).
        var latencyTable = htmlTables.First(t => t[0].Any(h => h.StartsWith("Batch-1 latency, median", StringComparison.Ordinal)));
        var column = Array.FindIndex(latencyTable[0], h => h.StartsWith("Batch-1 latency, median", StringComparison.Ordinal));
        var perMs = UnitOf(latencyTable[0][column]) switch
        {
            "µs" => 1000.0,
            "ms" => 1.0,
            "s" => 0.001,
            var unit => throw new InvalidOperationException($"unexpected latency unit '{unit}'"),
        };
        foreach (var m in latencies)
        {
            var median = m.Metric(MetricNames.LatencyBatch1)!.Summary!.Median * perMs;
            var row = latencyTable.Skip(1).SingleOrDefault(r => r.Any(c => Names(c, m.Engine)) && r.Any(c => Names(c, m.Workload)));
            Assert.True(row is not null, $"report.html's latency chart has no row for {m.Engine} {m.Workload}:\n{Show(latencyTable)}");
            var shown = Number(row![column]);
            // The chart data table writes 6 significant digits.
            Assert.True(shown is { } v && Math.Abs(v - median) <= 1e-5 * Math.Abs(median),
                $"report.html shows {row[column]} for {m.Engine} {m.Workload}'s batch-1 latency; results.json's median is {median} ({latencyTable[0][column]})");
        }
        output.WriteLine($"{markdownTables.Count} tables agree; {latencies.Count} latency medians found in report.html");
    }

    /// <summary>Every Markdown table, as rows of cells with the inline markup a reader does not see removed.</summary>
    private static List<List<string[]>> MarkdownTables(string markdown)
    {
        var tables = new List<List<string[]>>();
        List<string[]>? current = null;
        foreach (var line in markdown.Split('\n'))
        {
            if (!line.StartsWith('|')) { current = null; continue; }
            var cells = UnescapedPipe().Split(line.Trim()[1..^1]).Select(c => Plain(c.Trim())).ToArray();
            if (cells.All(c => Separator().IsMatch(c))) continue;
            if (current is null) tables.Add(current = []);
            current.Add(cells);
        }
        return tables;
    }

    private static string Plain(string cell) =>
        cell.Replace("\\|", "|", StringComparison.Ordinal).Replace("**", "", StringComparison.Ordinal)
            .Replace("\\*", "*", StringComparison.Ordinal).Replace("`", "", StringComparison.Ordinal);

    private static async Task<List<List<string[]>>> HtmlTablesAsync(IPage page) =>
        [.. (await page.EvalOnSelectorAllAsync<string[][][]>("main table", """
            tables => tables.map(t => [...t.querySelectorAll('tr')].map(r => [...r.querySelectorAll('th, td')].map(c => c.innerText.trim())))
            """)).Select(t => t.ToList())];

    /// <summary>A cell that names the engine or workload: "onnxruntime", or "onnxruntime (cpu)" where the backend is added.</summary>
    private static bool Names(string cell, string id) => cell == id || cell.StartsWith(id + " ", StringComparison.Ordinal);

    /// <summary>"Batch-1 latency, median (µs)" gives "µs".</summary>
    private static string UnitOf(string header) => header[(header.LastIndexOf('(') + 1)..header.LastIndexOf(')')];

    private static double? Number(string cell) =>
        LeadingNumber().Match(cell) is { Success: true } m && double.TryParse(m.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static string Show(List<string[]> table) => string.Join('\n', table.Select(r => string.Join(" | ", r)));

    private static string Artifact(string name)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "TestResults", "artifacts");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, name);
    }

    /// <summary>Cells equal as a reader sees them; Markdown writes an empty cell as an em dash.</summary>
    private sealed class RowComparer : IEqualityComparer<string[]>
    {
        public static readonly RowComparer Instance = new();

        public bool Equals(string[]? x, string[]? y) =>
            x is not null && y is not null && x.Length == y.Length && x.Zip(y).All(p => Cell(p.First) == Cell(p.Second));

        public int GetHashCode(string[] obj) => obj.Length;

        private static string Cell(string value) => Regex.Replace(value.Trim(), @"\s+", " ") is "" or "—" ? "—" : Regex.Replace(value.Trim(), @"\s+", " ");
    }

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex UnescapedPipe();

    [GeneratedRegex(@"^:?-{3,}:?$")]
    private static partial Regex Separator();

    [GeneratedRegex(@"^-?\d+(\.\d+)?([eE][-+]?\d+)?")]
    private static partial Regex LeadingNumber();
}
