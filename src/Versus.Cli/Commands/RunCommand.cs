using Spectre.Console.Cli;
using Versus.Cli.Console;
using Versus.Cli.Deployment;
using Versus.Cli.Output;
using Versus.Core.Environments;
using Versus.Core.Parity;
using Versus.Core.Planning;
using Versus.Core.Results;
using Versus.Core.Statistics;
using Versus.Core.Validation;
using Versus.Store;

namespace Versus.Cli.Commands;

/// <summary>
/// "versus run": validate everything, plan, then run each measurement in its own worker process, storing each one the
/// moment it finishes (SQLite and results.json), and write the report at the end.
/// </summary>
public sealed class RunCommand : AsyncCommand<RunCommandSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, RunCommandSettings raw, CancellationToken cancellationToken)
    {
        var environment = EnvironmentProbe.Capture();
        var (settings, errors) = RunOptionsValidator.Validate(raw, EngineCatalog.All, WorkloadCatalog.Locate(), environment.AvailableMemoryBytes);
        if (settings is null) return ErrorLine.Print(errors);

        IResultStore store;
        try
        {
            store = await SqliteResultStore.OpenAsync(raw.Db ?? SqliteResultStore.DefaultPath(), cancellationToken);
        }
        catch (StoreException e)
        {
            return ErrorLine.Print([new ValidationError("--db", raw.Db ?? "", e.Message)]);
        }

        await using (store)
        {
            RunPlan plan;
            try
            {
                plan = await RunPlanner.PlanAsync(settings, SelfLaunch.Context(), cancellationToken);
            }
            catch (ValidationException e)
            {
                return ErrorLine.Print(e.Errors);
            }
            var output = new RunOutput(settings.OutDirectory);
            var results = new RunResults(RunResults.CurrentSchemaVersion, plan.RunId, DateTimeOffset.UtcNow, null, "running", plan.Options,
                environment, plan.Engines, plan.Workloads, [], SampleSummary.IntervalMethod);
            await store.BeginRunAsync(results, cancellationToken);
            output.WriteResults(results);
            System.Console.WriteLine($"Run {plan.RunId}: {plan.Measurements.Count} measurements, {settings.Threads} thread(s), profile {settings.Profile.Name}; results in {output.Directory}");

            var records = new List<MeasurementRecord>();
            var status = "completed";
            try
            {
                await LiveRunProgress.RunAsync(plan.Measurements.Count, progress =>
                    SuiteRunner.RunAsync(plan,
                        planned => { progress.Starting(planned); return Task.CompletedTask; },
                        async record =>
                        {
                            records.Add(record);
                            await store.SaveMeasurementAsync(plan.RunId, record, CancellationToken.None);
                            output.WriteResults(results with { Measurements = records });
                            progress.Finished(record);
                        },
                        cancellationToken));
            }
            catch (OperationCanceledException)
            {
                status = "cancelled";
            }
            var deployment = status == "cancelled" || raw.NoDeploy ? null : new DeploymentRunner(plan, settings, System.Console.Out);
            if (deployment is not null)
            {
                try
                {
                    await deployment.RunAsync(d => { output.WriteResults(results with { Measurements = records, Deployment = [.. d] }); return Task.CompletedTask; }, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    status = "cancelled";
                }
            }
            if (status == "completed" && (records.Any(r => r.Status == MeasurementStatus.Failed) || deployment?.Records.Any(r => r.Status == DeploymentStatus.Failed) == true))
                status = "completed-with-failures";

            var finished = results with
            {
                Measurements = records, FinishedAt = DateTimeOffset.UtcNow, Status = status, Parity = ParityAnalyzer.Analyze(records),
                Deployment = deployment is null ? null : [.. deployment.Records],
            };
            await store.FinishRunAsync(plan.RunId, status, finished.FinishedAt!.Value, CancellationToken.None);
            output.WriteResults(finished);
            output.WriteReport(finished);
            RunSummaryTable.Write(finished);
            System.Console.WriteLine($"results: {output.ResultsPath}");
            System.Console.WriteLine($"report:  {output.ReportPath}");
            System.Console.WriteLine($"stored:  {store.Location} (versus show {plan.RunId})");
            return status switch
            {
                "cancelled" => ExitCodes.Cancelled,
                "completed" => ExitCodes.Ok,
                _ => ExitCodes.SomeMeasurementsFailed,
            };
        }
    }
}
