using System.Globalization;
using Versus.Core.Results;
using Versus.Reports.Analysis;
using Versus.Reports.Cited;
using Versus.Reports.Formatting;
using Versus.Reports.Model;

namespace Versus.Reports.Sections;

/// <summary>
/// The deck's deployment table rebuilt from evidence: per target, what this run exercised (status and the probe's own
/// sentence) with the deck's 0-3 scores beside it, labelled cited. No score is derived from the probes: a pass or a
/// latency on one machine does not rate an ecosystem, so the only scores shown are the deck's.
/// </summary>
internal sealed class DeploymentSection : IReportSection
{
    public void Write(ReportBuilder report, ReportData data)
    {
        var facts = data.Cited.InTable(CitedTableIds.DeploymentStrengths);
        report.Heading(2, $"Deployment: exercised here, beside the deck's {data.Cited.Table(CitedTableIds.DeploymentStrengths).Title.ToLowerInvariant()}");
        var records = data.Results.Deployment ?? [];
        if (records.Count == 0)
        {
            report.Paragraph("No deployment probe ran in this run (" + Text.Code("--no-deploy") + ", or results written before the probes existed); " +
                Text.Code("versus deploy") + " runs them alone. Only the deck's scores are shown.");
        }
        else
        {
            report.Paragraph("Each row is one probe run on this machine (ONNX interop, server, edge, browser) or a target that could not be run here, " +
                "with the reason. The deck's scores stand beside them as the deck gave them. " +
                Text.Strong("No 0-3 score is derived from these probes:") + " a pass, a failure or a latency on one machine does not rate a framework's " +
                "deployment ecosystem, so the only scores in this table are the deck's (cited).");
        }

        var table = new TableBuilder("Target", "Workload", "Engine", "Status", "Evidence", "Deck's score (cited)");
        foreach (var target in DeploymentLabels.Order)
        {
            var scores = Scores(facts, target);
            var rows = records.Where(r => r.Target == target).ToList();
            if (rows.Count == 0)
            {
                table.Row(DeploymentLabels.Target(target), "—", "—", "not run in this run", "—", scores);
                continue;
            }
            foreach (var r in rows)
                table.Row(DeploymentLabels.Target(target), r.Workload, Labels.Code(r.Engine), DeploymentLabels.Status(r.Status), r.Evidence, scores);
        }
        report.Table(table);
        if (facts.Count > 0)
        {
            // Cited rows' sources are the deck table's (CitedDeploymentRows copies them), so one line names them all.
            report.Note($"Deck's scores and the cited rows: {CitedRows.SourceLabel(facts)}; the deck rates \"Mobile / Edge\" as one row, shown beside both targets.");
        }
        CitedRows.Note(report, facts);
        WriteServerLevels(report, records);
    }

    /// <summary>"TensorFlow 3/3, PyTorch 1/3": the deck's frameworks in its own order.</summary>
    private static string Scores(IReadOnlyList<CitedFact> facts, DeploymentTarget target)
    {
        var quantity = DeploymentLabels.DeckQuantity(target);
        var cells = facts.Where(f => f.Quantity == quantity).Select(f => $"{f.Framework} {f.ValueText}").ToList();
        return cells.Count == 0 ? "—" : string.Join(", ", cells);
    }

    /// <summary>The server probe's load levels as a table: throughput, median and tail latency, errors per concurrency.</summary>
    private static void WriteServerLevels(ReportBuilder report, IReadOnlyList<DeploymentRecord> records)
    {
        var servers = records.Where(r => r.Target == DeploymentTarget.Server && r.Metrics.Count > 0).ToList();
        if (servers.Count == 0) return;
        report.Heading(3, "Serving over HTTP on loopback (measured here)");
        var table = new TableBuilder("Workload", "Engine", "Concurrency", "Throughput", "p50 latency", "p99 latency", "Errors");
        foreach (var server in servers)
        {
            foreach (var concurrency in Levels(server))
            {
                var throughput = server.Metric(MetricNames.DeployServer(concurrency, "throughput"))?.Samples.FirstOrDefault();
                var latency = server.Metric(MetricNames.DeployServer(concurrency, "latency"))?.Summary;
                var errors = server.Metric(MetricNames.DeployServer(concurrency, "errors"))?.Samples.FirstOrDefault();
                table.Row(server.Workload, Labels.Code(server.Engine), concurrency.ToString(CultureInfo.InvariantCulture),
                    throughput is { } t ? string.Create(CultureInfo.InvariantCulture, $"{t:0} requests/s") : SummaryText.Missing,
                    latency is null ? SummaryText.Missing : string.Create(CultureInfo.InvariantCulture, $"{latency.Median:0.00} ms"),
                    latency?.P99 is { } p99 ? string.Create(CultureInfo.InvariantCulture, $"{p99:0.00} ms") : $"withheld (under {Core.Statistics.TailPercentileRule.MinimumForP99} requests)",
                    errors is { } e ? e.ToString("0", CultureInfo.InvariantCulture) : SummaryText.Missing);
            }
        }
        report.Table(table);
        report.Note("Closed-loop clients on the same machine as the server: the load competes with the server for the cores, so these " +
            "figures describe loopback serving here, not a network deployment.");
    }

    /// <summary>The concurrency levels a server record measured, read back from its metric names ("deploy.server.c8.throughput").</summary>
    private static IEnumerable<int> Levels(DeploymentRecord server) =>
        server.Metrics
            .Select(m => m.Name.Split('.'))
            .Where(p => p.Length == 4 && p[1] == "server" && p[2].StartsWith('c'))
            .Select(p => int.TryParse(p[2][1..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var c) ? c : -1)
            .Where(c => c > 0)
            .Distinct();
}
