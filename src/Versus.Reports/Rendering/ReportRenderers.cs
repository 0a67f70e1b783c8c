using Versus.Reports.Json;
using Versus.Reports.Markdown;

namespace Versus.Reports.Rendering;

/// <summary>The renderers that need nothing beyond this project; HTML lives in Versus.Reports.Html (it brings a charting library).</summary>
public static class ReportRenderers
{
    public static IReportRenderer Markdown { get; } = new MarkdownRenderer();

    public static IReportRenderer Json { get; } = new JsonReportRenderer();
}
