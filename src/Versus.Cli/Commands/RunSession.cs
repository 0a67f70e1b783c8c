using Versus.Cli.Console;
using Versus.Cli.Output;
using Versus.Core.Environments;
using Versus.Core.Planning;
using Versus.Core.Results;
using Versus.Core.Statistics;
using Versus.Core.Validation;
using Versus.Store;

namespace Versus.Cli.Commands;

/// <summary>
/// The life of one stored run, shared by "versus run" and "versus deploy": validate every option, open the store, plan,
/// begin the run (store + results.json); at the end close it in the store, write results.json and report.md, say where.
/// Nothing is stored before every option is valid.
/// </summary>
internal sealed class RunSession : IAsyncDisposable
{
    private RunSession(IResultStore store, RunPlan plan, RunSettings settings, RunOutput output, RunResults started)
    {
        Store = store;
        Plan = plan;
        Settings = settings;
        Output = output;
        Started = started;
    }

    public IResultStore Store { get; }

    public RunPlan Plan { get; }

    public RunSettings Settings { get; }

    public RunOutput Output { get; }

    /// <summary>The run as begun: no measurements yet, status "running".</summary>
    public RunResults Started { get; }

    /// <summary>A begun run, or the exit code of the refusal (every problem already printed, one line each).</summary>
    public static async Task<(RunSession? Session, int ExitCode)> StartAsync(RunCommandSettings raw, bool deploymentOnly, CancellationToken cancellationToken)
    {
        var environment = EnvironmentProbe.Capture();
        var (settings, errors) = RunOptionsValidator.Validate(raw, EngineCatalog.All, WorkloadCatalog.Locate(), environment.AvailableMemoryBytes);
        if (settings is null) return (null, ErrorLine.Print(errors));

        IResultStore store;
        try
        {
            store = await ResultStores.OpenAsync(raw.Db, cancellationToken);
        }
        catch (StoreException e)
        {
            // The message names the store already, and without a password: the raw --db value may hold one.
            ErrorLine.Print(e.Message);
            return (null, ExitCodes.BadInput);
        }

        RunPlan plan;
        try
        {
            plan = await RunPlanner.PlanAsync(settings, SelfLaunch.Context(), cancellationToken);
        }
        catch (ValidationException e)
        {
            await store.DisposeAsync();
            return (null, ErrorLine.Print(e.Errors));
        }
        // One line each, before any measurement: the run goes on without what is missing, and says how to get it.
        foreach (var shortfall in plan.Shortfalls) await System.Console.Error.WriteLineAsync($"versus: {shortfall}");
        var output = new RunOutput(settings.OutDirectory);
        var started = new RunResults(RunResults.CurrentSchemaVersion, plan.RunId, DateTimeOffset.UtcNow, null, "running", plan.Options,
            environment, plan.Engines, plan.Workloads, [], SampleSummary.IntervalMethod, Deployment: deploymentOnly ? [] : null);
        await store.BeginRunAsync(started, cancellationToken);
        output.WriteResults(started);
        return (new RunSession(store, plan, settings, output, started), ExitCodes.Ok);
    }

    /// <summary>Closes the run with its final results and returns the exit code its status calls for.</summary>
    public async Task<int> FinishAsync(RunResults finished, Action<RunResults>? summary = null)
    {
        await Store.FinishRunAsync(Plan.RunId, finished.Status, finished.FinishedAt ?? DateTimeOffset.UtcNow, CancellationToken.None);
        Output.WriteResults(finished);
        var reports = Output.WriteReports(finished);
        summary?.Invoke(finished);
        System.Console.WriteLine($"results: {Output.ResultsPath}");
        foreach (var report in reports) System.Console.WriteLine($"report:  {report}");
        System.Console.WriteLine($"stored:  {Store.Location} (versus show {Plan.RunId})");
        return finished.Status switch
        {
            "cancelled" => ExitCodes.Cancelled,
            "completed" => ExitCodes.Ok,
            _ => ExitCodes.SomeMeasurementsFailed,
        };
    }

    public ValueTask DisposeAsync() => Store.DisposeAsync();
}
