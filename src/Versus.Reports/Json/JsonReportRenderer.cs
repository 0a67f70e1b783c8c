using System.Text.Json;
using Versus.Core.Results;
using Versus.Reports.Model;
using Versus.Reports.Rendering;

namespace Versus.Reports.Json;

/// <summary>
/// report.json: the report model itself (blocks with a "block" discriminator, text as styled spans, charts as data), for
/// tools that want what the report says rather than the raw results.json.
/// </summary>
public sealed class JsonReportRenderer : IReportRenderer
{
    private static readonly JsonSerializerOptions Options = new(ResultsJson.Options);

    public ReportFormat Format => ReportFormat.Json;

    public string FileName => "report.json";

    public string Render(ReportDocument report, RunResults results) => JsonSerializer.Serialize(report, Options);
}
