namespace Versus.Reports.Rendering;

public enum ReportFormat
{
    Markdown,
    Html,
    Json,
}
