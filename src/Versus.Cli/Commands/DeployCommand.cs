using Spectre.Console.Cli;
using Versus.Cli.Console;
using Versus.Cli.Deployment;
using Versus.Cli.Output;
using Versus.Core.Environments;
using Versus.Core.Planning;
using Versus.Core.Results;
using Versus.Core.Statistics;
using Versus.Core.Validation;
using Versus.Store;

namespace Versus.Cli.Commands;

/// <summary>
/// "versus deploy": the deployment probes alone. Validated and planned like "versus run" (same weights, data and
/// folders), stored as a run with no measurements, and written as results.json and report.md with only the deployment rows.
/// </summary>
public sealed class DeployCommand : AsyncCommand<DeployCommandSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DeployCommandSettings deploy, CancellationToken cancellationToken)
    {
        var raw = deploy.AsRunSettings();
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
                environment, plan.Engines, plan.Workloads, [], SampleSummary.IntervalMethod, Deployment: []);
            await store.BeginRunAsync(results, cancellationToken);
            output.WriteResults(results);
            System.Console.WriteLine($"Run {plan.RunId}: deployment probes only, {settings.Threads} thread(s), profile {settings.Profile.Name}; results in {output.Directory}");

            var runner = new DeploymentRunner(plan, settings, System.Console.Out);
            var status = "completed";
            try
            {
                await runner.RunAsync(records => { output.WriteResults(results with { Deployment = [.. records] }); return Task.CompletedTask; }, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                status = "cancelled";
            }
            if (status == "completed" && runner.Records.Any(r => r.Status == DeploymentStatus.Failed)) status = "completed-with-failures";

            var finished = results with { Deployment = [.. runner.Records], FinishedAt = DateTimeOffset.UtcNow, Status = status };
            await store.FinishRunAsync(plan.RunId, status, finished.FinishedAt!.Value, CancellationToken.None);
            output.WriteResults(finished);
            output.WriteReport(finished);
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
