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
        .WithExample("run", "--quick").WithExample("run", "--engines", "torchsharp", "--workloads", "small-cnn-28,depth-8");
    config.AddCommand<ListCommand>("list").WithDescription("Engines usable on this machine and the workloads with their parameters and FLOPs.");
    config.AddCommand<HistoryCommand>("history").WithDescription("Runs kept in the results store.");
    config.AddCommand<ShowCommand>("show").WithDescription("One stored run.");
    config.AddCommand<WorkerCommand>("worker").IsHidden();
    config.SetExceptionHandler((exception, _) =>
    {
        // Parse errors and anything unexpected: one line, no stack trace, non-zero exit.
        Console.Error.WriteLine($"error: {exception.Message}");
        return exception is CommandParseException or CommandRuntimeException ? ExitCodes.BadInput : 70;
    });
});
return await app.RunAsync(args);
