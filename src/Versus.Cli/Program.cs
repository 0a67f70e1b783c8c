using System.Runtime.InteropServices;
using Spectre.Console.Cli;
using Versus.Cli;
using Versus.Cli.Commands;

// First statement on purpose: a worker's cold start counts from here (see WorkerCommand).
WorkerCommand.MainEnteredUnixMs = (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).TotalMilliseconds;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("versus");
    config.Settings.StrictParsing = true;
    config.AddCommand<RunCommand>("run").WithDescription("Measure training and inference of the workloads on every engine, store and report the results.")
        .WithExample("run", "--quick").WithExample("run", "--engines", "torchsharp", "--workloads", "small-cnn-28,depth-8")
        .WithExample("run", "--resume", "20261202-101500-ab12");
    config.AddCommand<DeployCommand>("deploy").WithDescription("Exercise deployment: ONNX interop (TorchSharp to ONNX Runtime), serving over HTTP, single-thread edge latency; store and report.")
        .WithExample("deploy", "--quick", "--workloads", "small-cnn-28");
    config.AddCommand<ImportCommand>("import").WithDescription("Put a run's results.json into the results store (what a failed store missed; importing twice changes nothing), or write an .onnx model as a workload spec with its weights.")
        .WithExample("import", "versus-results/20261202-101500/results.json")
        .WithExample("import", "resnet18.onnx", "--out", "resnet18.json");
    config.AddCommand<ListCommand>("list").WithDescription("Engines usable on this machine and the workloads with their parameters and FLOPs.");
    config.AddCommand<HistoryCommand>("history").WithDescription("Runs kept in the results store.");
    config.AddCommand<ShowCommand>("show").WithDescription("One stored run.");
    config.AddCommand<ReportCommand>("report").WithDescription("A stored run's report: self-contained HTML with charts, Markdown, or the report model as JSON.")
        .WithExample("report", "20261202-101500-ab12", "--format", "html", "--out", "report.html")
        .WithExample("report", "20261203-090000-cd34", "--compare", "20261202-101500-ab12", "--out", "report.html");
    config.AddCommand<CompareCommand>("compare").WithDescription("Run B against run A, metric by metric: ratio with its interval, significance, faster / slower / no change.")
        .WithExample("compare", "20261202-101500-ab12", "20261203-090000-cd34", "--threshold", "5%", "--fail-on-regression");
    config.AddCommand<ServeCommand>("serve").WithDescription("A dashboard in the browser: stored runs, reports, comparisons, trends, and new runs with live progress.")
        .WithExample("serve", "--port", "8484");
    config.AddCommand<WorkerCommand>("worker").IsHidden();
    config.AddCommand<DeployWorkerCommand>("deploy-worker").IsHidden();
    config.SetExceptionHandler((exception, _) =>
    {
        // Parse errors and anything unexpected: one line, no stack trace, non-zero exit.
        Versus.Cli.Console.ErrorLine.Print(exception.Message);
        return exception is CommandParseException or CommandRuntimeException ? ExitCodes.BadInput : ExitCodes.Failed;
    });
});
// Ctrl+C (SIGINT) and SIGTERM cancel the run instead of killing it: the measurement in flight is abandoned (its worker
// is stopped), every finished one is already stored, and the run is closed as "cancelled" with results and report.
using var cancellation = new CancellationTokenSource();
void Cancel(PosixSignalContext context)
{
    context.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
}
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
return await app.RunAsync(args, cancellation.Token);
