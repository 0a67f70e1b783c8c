using System.Globalization;
using Versus.Cli.Console;
using Versus.Cli.Output;
using Versus.Core.Engines;
using Versus.Core.Environments;
using Versus.Core.Planning;
using Versus.Core.Results;
using Versus.Core.Statistics;
using Versus.Core.Validation;
using Versus.Store;

namespace Versus.Cli.Commands;

/// <summary>
/// The life of one stored run, shared by "versus run" and "versus deploy": validate every option, open the store, plan,
/// begin the run (results.json, then the store); at the end close it, write the reports, say where. Nothing is stored
/// before every option is valid. "versus run --resume" re-plans a begun run from its recorded options instead, with
/// its measurements' ids, and carries on from what it finished. The run folder is locked from before planning (which
/// writes the weights there) to the end: one process writes a folder's results.json at a time.
/// </summary>
internal sealed class RunSession : IAsyncDisposable
{
    private readonly RunFolderLock folderLock;

    private RunSession(IResultStore store, RunFolderLock folderLock, RunPlan plan, RunSettings settings, RunOutput output, RunRecorder recorder,
        bool deploy, bool resumed)
    {
        Store = store;
        this.folderLock = folderLock;
        Plan = plan;
        Settings = settings;
        Output = output;
        Recorder = recorder;
        Deploy = deploy;
        Resumed = resumed;
    }

    public IResultStore Store { get; }

    public RunPlan Plan { get; }

    public RunSettings Settings { get; }

    public RunOutput Output { get; }

    /// <summary>Keeps each finished result in results.json, then the store; holds a resumed run's earlier measurements.</summary>
    public RunRecorder Recorder { get; }

    /// <summary>Whether the deployment probes follow the measurements.</summary>
    public bool Deploy { get; }

    public bool Resumed { get; }

    /// <summary>A begun run, or the exit code of the refusal (every problem already printed, one line each).</summary>
    /// <param name="engines">The engines --engines chooses from: the catalog's (<see cref="EngineCatalog.All"/>).</param>
    public static async Task<(RunSession? Session, int ExitCode)> StartAsync(RunCommandSettings raw, IReadOnlyList<IEngineProvider> engines,
        bool deploymentOnly, CancellationToken cancellationToken)
    {
        var (store, refusal) = await OpenStoreAsync(raw.Db, cancellationToken);
        if (store is null) return (null, refusal);
        try
        {
            var session = raw.Resume is { } run
                ? await ResumeAsync(store, raw, engines, run, cancellationToken)
                : await BeginAsync(store, raw, engines, deploymentOnly, cancellationToken);
            if (session is null) await store.DisposeAsync();
            return session is null ? (null, ExitCodes.BadInput) : (session, ExitCodes.Ok);
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    private static async Task<RunSession?> BeginAsync(IResultStore store, RunCommandSettings raw, IReadOnlyList<IEngineProvider> engines, bool deploymentOnly,
        CancellationToken cancellationToken)
    {
        var environment = EnvironmentProbe.Capture();
        var (settings, errors) = RunOptionsValidator.Validate(raw, engines, WorkloadImporters.Catalog(), environment.AvailableMemoryBytes);
        if (settings is null) return Refuse(errors);
        var folderLock = Lock(settings.OutDirectory, pid => new ValidationError("--out", settings.OutDirectory,
            $"is being written by another run: process {pid} holds its run.lock; wait for that run to end, or give another --out"));
        if (folderLock is null) return null;
        try
        {
            var plan = await PlanAsync(settings, null, cancellationToken);
            if (plan is null) return Release(folderLock);
            plan = plan with { Options = plan.Options with { Deploy = !deploymentOnly && !raw.NoDeploy, OutDirectory = settings.OutDirectory } };
            var output = new RunOutput(settings.OutDirectory);
            var started = new RunResults(RunResults.CurrentSchemaVersion, plan.RunId, DateTimeOffset.UtcNow, null, RunState.Running.Wire(), plan.Options,
                environment, plan.Engines, plan.Workloads, [], SampleSummary.IntervalMethod, Deployment: deploymentOnly ? [] : null);
            var recorder = new RunRecorder(output, store, started, []);
            await recorder.BeginAsync(inStore: false);
            return new RunSession(store, folderLock, plan, settings, output, recorder, plan.Options.Deploy == true, resumed: false);
        }
        catch
        {
            folderLock.Dispose();
            throw;
        }
    }

    private static async Task<RunSession?> ResumeAsync(IResultStore store, RunCommandSettings raw, IReadOnlyList<IEngineProvider> engines, string run,
        CancellationToken cancellationToken)
    {
        var (source, error) = await ResumeSource.LoadAsync(store, run, cancellationToken);
        if (source is null) return Refuse([error!]);
        if (StoredOptions.Conflicts(raw, source.Run.Options, source.Run.RunId) is { Count: > 0 } conflicts) return Refuse(conflicts);

        var outDirectory = source.Run.Options.OutDirectory ?? (File.Exists(run) ? Path.GetDirectoryName(Path.GetFullPath(run))! : Path.GetFullPath(run));
        var (settings, errors) = RunOptionsValidator.Validate(StoredOptions.ToSettings(source.Run.Options, outDirectory, raw.Db), engines,
            WorkloadImporters.Catalog(), EnvironmentProbe.Capture().AvailableMemoryBytes);
        if (settings is null) return Refuse(errors);
        var folderLock = Lock(settings.OutDirectory, pid => new ValidationError("--resume", run,
            $"cannot be resumed now: process {pid} is writing run {source.Run.RunId} in {settings.OutDirectory} (it holds its run.lock); "
            + "wait for that process to end, or stop it and resume again"));
        if (folderLock is null) return null;
        try
        {
            // Read again under the lock: the process that held the folder until now may have finished more, or the run.
            (source, error) = await ResumeSource.LoadAsync(store, run, cancellationToken);
            if (source is null) return Release(folderLock, error!);
            var recorded = source.Run;
            settings = settings with { Priorities = recorded.Options.Priorities };
            var plan = await PlanAsync(settings, recorded.RunId, cancellationToken);
            if (plan is null) return Release(folderLock);
            if (ResumeCheck.Compare(recorded, plan) is { Count: > 0 } changed) return Release(folderLock, [.. changed]);

            // The recorded header stands (start, environment, options): the run is one run, whatever stopped it.
            plan = plan with { Options = recorded.Options, Engines = recorded.Engines, Workloads = recorded.Workloads };
            var output = new RunOutput(settings.OutDirectory);
            var header = recorded with { Status = RunState.Running.Wire(), FinishedAt = null, Measurements = [], Parity = null, Deployment = null };
            var recorder = new RunRecorder(output, store, header, recorded.Measurements);
            await recorder.BeginAsync(source.InStore);
            await recorder.CatchUpAsync(recorded.Measurements.Where(m => !source.Stored.Contains(m.Id)));
            return new RunSession(store, folderLock, plan, settings, output, recorder, recorded.Options.Deploy != false, resumed: true);
        }
        catch
        {
            folderLock.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The run folder's lock; null, the refusal printed, when another process holds it (<paramref name="refusal"/> is
    /// given that process's id) or run.lock cannot be written there.
    /// </summary>
    private static RunFolderLock? Lock(string directory, Func<string, ValidationError> refusal)
    {
        try
        {
            var (folderLock, holder) = RunFolderLock.TryAcquire(directory);
            if (folderLock is not null) return folderLock;
            Refuse([refusal(holder?.ToString(CultureInfo.InvariantCulture) ?? "(its id not written yet)")]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ErrorLine.Print($"the run folder {directory} cannot be locked for writing ({e.Message}); check that it is a writable folder");
        }
        return null;
    }

    private static async Task<RunPlan?> PlanAsync(RunSettings settings, string? runId, CancellationToken cancellationToken)
    {
        RunPlan plan;
        try
        {
            plan = await RunPlanner.PlanAsync(settings, SelfLaunch.Context(), cancellationToken, runId);
        }
        catch (ValidationException e)
        {
            ErrorLine.Print(e.Errors);
            return null;
        }
        // One line each, before any measurement: the run goes on without what is missing, and says how to get it.
        foreach (var shortfall in plan.Shortfalls) await System.Console.Error.WriteLineAsync($"versus: {shortfall}");
        return plan;
    }

    private static async Task<(IResultStore? Store, int ExitCode)> OpenStoreAsync(string? db, CancellationToken cancellationToken)
    {
        try
        {
            return (await ResultStores.OpenAsync(db, cancellationToken), ExitCodes.Ok);
        }
        catch (StoreException e)
        {
            // The message names the store already, and without a password: the raw --db value may hold one.
            ErrorLine.Print(e.Message);
            return (null, ExitCodes.BadInput);
        }
    }

    private static RunSession? Refuse(IEnumerable<ValidationError> errors)
    {
        ErrorLine.Print(errors);
        return null;
    }

    /// <summary>Refuses a run after its folder was locked (the problems, if any, printed): the lock goes first.</summary>
    private static RunSession? Release(RunFolderLock folderLock, params ValidationError[] errors)
    {
        folderLock.Dispose();
        return Refuse(errors);
    }

    /// <summary>Closes the run with its final results and returns the exit code its state (and the store's health) calls for.</summary>
    public async Task<int> FinishAsync(RunResults finished, Action<RunResults>? summary = null)
    {
        await Recorder.FinishAsync(finished);
        IReadOnlyList<string> reports = [];
        try
        {
            reports = Output.WriteReports(finished);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ErrorLine.Print($"the reports could not be written ({e.Message}); 'versus report {Plan.RunId}' writes them from the store");
        }
        summary?.Invoke(finished);
        System.Console.WriteLine($"results: {Output.ResultsPath}");
        foreach (var report in reports) System.Console.WriteLine($"report:  {report}");
        if (Recorder.StoreFailures > 0)
        {
            ErrorLine.Print($"{Recorder.StoreFailures} result(s) of run {Plan.RunId} are in {Output.ResultsPath} but not in the store ({Store.Location}); "
                + $"'versus import {Output.ResultsPath}' stores them");
            return ExitCodes.StoreIncomplete;
        }
        System.Console.WriteLine($"stored:  {Store.Location} (versus show {Plan.RunId})");
        return RunStates.Parse(finished.Status) switch
        {
            RunState.Cancelled => ExitCodes.Cancelled,
            RunState.Completed => ExitCodes.Ok,
            RunState.Failed => ExitCodes.Failed,
            _ => ExitCodes.SomeMeasurementsFailed,
        };
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        folderLock.Dispose();
    }
}
