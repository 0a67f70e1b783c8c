using Versus.Reports.Html;
using Versus.Reports.Rendering;

namespace Versus.Cli.Reporting;

/// <summary>Every report format the CLI can write, by the name the user types; a new format is a renderer and a line here.</summary>
public static class ReportFormats
{
    private static readonly IReportRenderer Html = new HtmlRenderer();

    public static IReadOnlyList<(string Name, IReportRenderer Renderer)> All { get; } =
    [
        ("html", Html),
        ("md", ReportRenderers.Markdown),
        ("json", ReportRenderers.Json),
    ];

    /// <summary>What every run writes into its folder beside results.json.</summary>
    public static IReadOnlyList<IReportRenderer> RunFolder { get; } = [ReportRenderers.Markdown, Html];

    public static string Names => string.Join(", ", All.Select(f => f.Name));

    public static IReportRenderer? Find(string name) =>
        All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase) ||
            (name.Equals("markdown", StringComparison.OrdinalIgnoreCase) && f.Name == "md")).Renderer;
}
