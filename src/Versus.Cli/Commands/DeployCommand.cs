using Spectre.Console.Cli;
using Versus.Cli.Console;
using Versus.Cli.Deployment;
using Versus.Core.Results;

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
        var (session, refused) = await RunSession.StartAsync(raw, deploymentOnly: true, cancellationToken);
        if (session is null) return refused;
        await using (session)
        {
            var (plan, settings, output, store, results) = (session.Plan, session.Settings, session.Output, session.Store, session.Started);
            System.Console.WriteLine($"Run {plan.RunId}: deployment probes only, {settings.Threads} thread(s), profile {settings.Profile.Name}; results in {output.Directory}");
            DataLines.Write(plan.Workloads, System.Console.Out);

            var runner = new DeploymentRunner(plan, settings, System.Console.Out);
            var status = "completed";
            try
            {
                await runner.RunAsync(async (record, all) =>
                {
                    await store.SaveDeploymentAsync(plan.RunId, record, CancellationToken.None);
                    output.WriteResults(results with { Deployment = [.. all] });
                }, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                status = "cancelled";
            }
            if (status == "completed" && runner.Records.Any(r => r.Status == DeploymentStatus.Failed)) status = "completed-with-failures";

            var finished = results with { Deployment = [.. runner.Records], FinishedAt = DateTimeOffset.UtcNow, Status = status };
            return await session.FinishAsync(finished);
        }
    }
}
