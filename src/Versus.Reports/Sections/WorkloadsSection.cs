using System.Globalization;
using Versus.Reports.Analysis;
using Versus.Reports.Model;

namespace Versus.Reports.Sections;

/// <summary>
/// What each workload is: where it came from (a shipped spec, the user's spec or an imported ONNX file), its input,
/// size and cost, so every figure below can be read against the model that produced it.
/// </summary>
internal sealed class WorkloadsSection : IReportSection
{
    public void Write(ReportBuilder report, ReportData data)
    {
        var workloads = data.Results.Workloads;
        if (workloads.Count == 0) return;
        report.Heading(2, "Workloads");
        var table = new TableBuilder("Workload", "From", "Input (C x H x W)", "Classes", "Parameters", "Forward GFLOP per example",
            "Training batch", "Epochs", "Optimizer");
        foreach (var w in workloads)
            table.Row(w.Id, Path.GetFileName(w.SpecFile), w.Input, Count(w.Classes), Count(w.Parameters),
                // A multiply-add counts 2; training is modelled as 3x the forward pass (docs/model-spec.md).
                (w.ForwardFlopsPerExample / 1e9).ToString(w.ForwardFlopsPerExample >= 1e8 ? "0.00" : "0.0000", CultureInfo.InvariantCulture),
                Count(w.BatchSize), Count(w.Epochs), w.Optimizer);
        report.Table(table);
    }

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
