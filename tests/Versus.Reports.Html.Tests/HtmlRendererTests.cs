using System.Text.RegularExpressions;
using Versus.Core.Results;
using Versus.Reports.Model;
using Versus.Reports.Tests;

namespace Versus.Reports.Html.Tests;

public sealed class HtmlRendererTests
{
    private static readonly HtmlRenderer Renderer = new();

    private static string Render(ReportDocument report, RunResults? results = null) => Renderer.Render(report, results ?? SampleRun.TwoEngines());

    [Fact]
    public void Should_EncodeMarkup_When_TextHoldsHostileHtml()
    {
        var html = Render(SampleReport.Build("run-1"));

        Assert.Contains("&lt;script&gt;window.pwned = 1&lt;/script&gt;&lt;img src=x onerror=&quot;window.pwned = 2&quot;&gt;", html);
        Assert.DoesNotContain("<script>window.pwned", html);
        Assert.DoesNotContain("<img src=x", html);
    }

    [Fact]
    public void Should_ShowAFinishedMeasurementsNoteInItsRow_When_RenderedAsHtml()
    {
        var run = SampleRun.WithNotedTraining();

        var html = Renderer.Render(new ReportComposer().Compose(run), run);

        // In the total-time table, the step table and the details, each time in a cell of the measurement's own row.
        var cells = Regex.Matches(html, "<tr>(?:(?!</tr>).)*<td><strong>" + Regex.Escape(SampleRun.InsufficientNote) + "</strong></td>", RegexOptions.Singleline);
        Assert.Equal(3, cells.Count);
        Assert.All(cells, c => Assert.Contains("beta", c.Value, StringComparison.Ordinal));
    }

    [Fact]
    public void Should_MapSpansToElements_When_TextIsStyled()
    {
        var report = new ReportDocument("r", "t", [new ParagraphBlock("plain <b> " + Text.Code("a<b") + " " + Text.Strong("mind & see"))]);

        var html = Render(report);

        Assert.Contains("<p>plain &lt;b&gt; <code>a&lt;b</code> <strong>mind &amp; see</strong></p>", html);
    }

    [Fact]
    public void Should_RightAlignOnlyColumnsOfFigures_When_AColumnMixesFiguresAndWords()
    {
        var table = new TableBlock(["Field", "Value", "Step time"],
        [
            ["Seed", "42", "39.80 ms [38.33-41.27]"],
            ["Data", "generated (seed 42): 1024 training images", "813.3 ms (2 samples, no interval)"],
            ["Cores", "2 logical, 2 physical", "—"],
        ]);

        var html = Render(new ReportDocument("r", "t", [table]));

        // The value column mixes a figure with words: every cell left-aligned, the 42 too.
        Assert.Contains("<tr><td>Seed</td><td>42</td><td class=\"num fig\">39.80 ms [38.33-41.27]</td></tr>", html);
        // A figure column: a long figure may wrap after its figure, a dash stays plain.
        Assert.Contains("<td class=\"num\">813.3 ms (2 samples, no interval)</td>", html);
        Assert.Contains("<td>2 logical, 2 physical</td><td>—</td>", html);
    }

    [Fact]
    public void Should_FoldATable_When_ItHasMoreThanTwentyFiveRows()
    {
        static TableBlock Rows(int n) => new(["Metric", "Median"], [.. Enumerable.Range(0, n).Select(i => (IReadOnlyList<Text>)[$"m{i}", $"{i} ms"])]);

        var longer = Render(new ReportDocument("r", "t", [Rows(26)]));
        var shorter = Render(new ReportDocument("r", "t", [Rows(25)]));

        Assert.Contains("<details class=\"fold\"><summary>Metric, Median (26 rows)</summary><div class=\"table-wrap\"", longer);
        Assert.DoesNotContain("<details", shorter);
    }

    [Fact]
    public void Should_ForbidEveryRequest_When_PageDeclaresItsPolicy()
    {
        var html = Render(SampleReport.Build("run-1"));

        var policy = Regex.Match(html, "<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]+)\">");
        Assert.True(policy.Success, "the page declares no Content-Security-Policy");
        Assert.StartsWith("default-src 'none';", policy.Groups[1].Value);
        Assert.Contains("script-src 'none'", policy.Groups[1].Value);
        Assert.True(html.IndexOf(policy.Value, StringComparison.Ordinal) < html.IndexOf("<style>", StringComparison.Ordinal),
            "the policy must come before anything it governs");
    }

    [Fact]
    public void Should_ReferenceNothingOutside_When_Rendered()
    {
        var html = Render(SampleReport.Build("run-1"));

        Assert.DoesNotMatch(new Regex("(src|href)\\s*=\\s*\"(?!#|data:)", RegexOptions.IgnoreCase), html.Replace("src=x", ""));
        Assert.DoesNotMatch(new Regex("url\\((?!#|['\"]?#|['\"]?data:)", RegexOptions.IgnoreCase), html);
        Assert.DoesNotContain("@import", html);
        Assert.DoesNotContain("<?xml", html);
    }

    [Fact]
    public void Should_EmbedResultsThatParseBack_When_TextCouldCloseTheScript()
    {
        var results = SampleRun.TwoEngines();
        results = results with { RunId = "evil</script><script>alert(1)</script><!--" };

        var html = Render(SampleReport.Build("run-1"), results);

        var start = html.IndexOf("<script type=\"application/json\" id=\"results-json\">", StringComparison.Ordinal);
        Assert.True(start >= 0, "no embedded results");
        var bodyStart = html.IndexOf('>', start) + 1;
        var end = html.IndexOf("</script>", bodyStart, StringComparison.Ordinal);
        Assert.Equal(end, html.LastIndexOf("</script>", StringComparison.Ordinal));
        var parsed = ResultsJson.Deserialize<RunResults>(html[bodyStart..end]);
        Assert.Equal(results.RunId, parsed.RunId);
        Assert.Equal(results.Measurements.Count, parsed.Measurements.Count);
    }

    [Fact]
    public void Should_LinkEverySectionFromTheContents_When_ThereAreHeadings()
    {
        var report = SampleReport.Build("run-1");

        var html = Render(report);

        foreach (var heading in report.Blocks.OfType<HeadingBlock>())
        {
            Assert.Contains($"id=\"{heading.Id}\"", html);
            if (heading.Level is 2 or 3) Assert.Contains($"<a href=\"#{heading.Id}\">", html);
        }
    }

    [Fact]
    public void Should_PutDataTableBesideEveryChart_When_ReportHasCharts()
    {
        var report = SampleReport.Build("run-1");

        var html = Render(report);

        foreach (var chart in report.Charts)
        {
            var section = Regex.Match(html, $"<section class=\"chart\" id=\"{chart.Id}\".*?</section>", RegexOptions.Singleline);
            Assert.True(section.Success, $"no section for chart {chart.Id}");
            Assert.Contains("<figure role=\"img\" aria-labelledby=", section.Value);
            Assert.Contains("<svg", section.Value);
            Assert.Contains($"data-chart=\"{chart.Id}\"", section.Value);
            Assert.Contains(System.Net.WebUtility.HtmlEncode(chart.Description), section.Value);
        }
    }
}
