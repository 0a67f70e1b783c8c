using Spectre.Console.Cli;
using Versus.Cli.Console;
using Versus.Cli.Deployment;
using Versus.Core.Parity;
using Versus.Core.Planning;
using Versus.Core.Results;

namespace Versus.Cli.Commands;

/// <summary>
/// "versus run": validate everything, plan, then run each measurement in its own worker process, storing each one the
/// moment it finishes (SQLite and results.json), and write the report at the end.
/// </summary>
public sealed class RunCommand : AsyncCommand<RunCommandSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, RunCommandSettings raw, CancellationToken cancellationToken)
    {
        var (session, refused) = await RunSession.StartAsync(raw, deploymentOnly: false, cancellationToken);
        if (session is null) return refused;
        await using (session)
        {
            var (plan, settings, output, store, results) = (session.Plan, session.Settings, session.Output, session.Store, session.Started);
            System.Console.WriteLine($"Run {plan.RunId}: {plan.Measurements.Count} measurements, {settings.Threads} thread(s), profile {settings.Profile.Name}; results in {output.Directory}");
            DataLines.Write(plan.Workloads, System.Console.Out);

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
                    await deployment.RunAsync(async (record, all) =>
                    {
                        await store.SaveDeploymentAsync(plan.RunId, record, CancellationToken.None);
                        output.WriteResults(results with { Measurements = records, Deployment = [.. all] });
                    }, cancellationToken);
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
            return await session.FinishAsync(finished, run =>
            {
                RunSummaryTable.Write(run);
                VerdictLines.Write(run);
            });
        }
    }
}
