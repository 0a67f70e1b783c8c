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
        var (session, refused) = await RunSession.StartAsync(raw, EngineCatalog.All, deploymentOnly: true, cancellationToken);
        if (session is null) return refused;
        await using (session)
        {
            var (plan, settings, output, recorder) = (session.Plan, session.Settings, session.Output, session.Recorder);
            System.Console.WriteLine($"Run {plan.RunId}: deployment probes only, {settings.Threads} thread(s), profile {settings.Profile.Name}; results in {output.Directory}");
            DataLines.Write(plan.Workloads, System.Console.Out);

            var runner = new DeploymentRunner(plan, settings, System.Console.Out);
            var state = RunState.Completed;
            try
            {
                await runner.RunAsync((record, all) => recorder.AddDeploymentAsync(record, all), cancellationToken);
            }
            catch (OperationCanceledException)
            {
                state = RunState.Cancelled;
            }
            catch (Exception e)
            {
                ErrorLine.Print($"the run failed outside any one probe: {e.GetType().Name}: {e.Message}");
                state = RunState.Failed;
            }
            if (state == RunState.Completed && runner.Records.Any(r => r.Status == DeploymentStatus.Failed)) state = RunState.CompletedWithFailures;

            var finished = recorder.Current with { Deployment = [.. runner.Records], FinishedAt = DateTimeOffset.UtcNow, Status = state.Wire() };
            return await session.FinishAsync(finished);
        }
    }
}
