using Spectre.Console.Cli;
using Versus.Cli.Console;
using Versus.Cli.Deployment;
using Versus.Core.Engines;
using Versus.Core.Parity;
using Versus.Core.Planning;
using Versus.Core.Results;

namespace Versus.Cli.Commands;

/// <summary>
/// "versus run": validate everything, plan, then run each measurement in its own worker process, keeping each one the
/// moment it finishes (results.json, then the store), and write the report at the end. Every run ends in a final
/// state, whatever happened in it; "--resume RUN" runs only what a killed or cancelled run had not finished.
/// </summary>
public sealed class RunCommand : AsyncCommand<RunCommandSettings>
{
    private readonly IReadOnlyList<IEngineProvider> engines;

    public RunCommand()
        : this(EngineCatalog.All)
    {
    }

    /// <summary>A run over other engines than the catalog's: the tests' scripted workers, through the whole command.</summary>
    internal RunCommand(IReadOnlyList<IEngineProvider> engines) => this.engines = engines;

    public override async Task<int> ExecuteAsync(CommandContext context, RunCommandSettings raw, CancellationToken cancellationToken)
    {
        var (session, refused) = await RunSession.StartAsync(raw, engines, deploymentOnly: false, cancellationToken);
        if (session is null) return refused;
        await using (session)
        {
            var (plan, settings, output, recorder) = (session.Plan, session.Settings, session.Output, session.Recorder);
            var earlier = recorder.Measurements.ToList();
            var remaining = plan.Measurements.Count(m => earlier.All(e => e.Id != m.Task.Id));
            System.Console.WriteLine(session.Resumed
                ? $"Resuming run {plan.RunId}: {plan.Measurements.Count - remaining} of {plan.Measurements.Count} measurements finished, {remaining} to run; results in {output.Directory}"
                : $"Run {plan.RunId}: {plan.Measurements.Count} measurements, {settings.Threads} thread(s), profile {settings.Profile.Name}; results in {output.Directory}");
            DataLines.Write(plan.Workloads, System.Console.Out);

            var state = RunState.Completed;
            DeploymentRunner? deployment = null;
            try
            {
                await LiveRunProgress.RunAsync(remaining, progress =>
                    SuiteRunner.RunAsync(plan, earlier,
                        planned => { progress.Starting(planned); return Task.CompletedTask; },
                        async record =>
                        {
                            await recorder.AddAsync(record);
                            progress.Finished(record);
                        },
                        cancellationToken));
                if (session.Deploy)
                {
                    deployment = new DeploymentRunner(plan, settings, System.Console.Out);
                    await deployment.RunAsync((record, all) => recorder.AddDeploymentAsync(record, all), cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                state = RunState.Cancelled;
            }
            catch (Exception e)
            {
                // Outside any one measurement (those fail alone): the run cannot go on, but it still closes, as failed,
                // with everything finished so far, and --resume can carry it on.
                ErrorLine.Print($"the run failed outside any one measurement: {e.GetType().Name}: {e.Message}; 'versus run --resume {plan.RunId}' carries it on");
                state = RunState.Failed;
            }
            var records = InPlanOrder(plan, recorder.Measurements);
            if (state == RunState.Completed && (records.Any(r => r.Status == MeasurementStatus.Failed) || deployment?.Records.Any(r => r.Status == DeploymentStatus.Failed) == true))
                state = RunState.CompletedWithFailures;

            var finished = recorder.Current with
            {
                Measurements = records, FinishedAt = DateTimeOffset.UtcNow, Status = state.Wire(), Parity = ParityAnalyzer.Analyze(records),
                Deployment = deployment is null ? null : [.. deployment.Records],
            };
            return await session.FinishAsync(finished, run =>
            {
                RunSummaryTable.Write(run);
                VerdictLines.Write(run);
            });
        }
    }

    /// <summary>A resumed run's measurements in the order an uninterrupted run would have them.</summary>
    private static List<MeasurementRecord> InPlanOrder(RunPlan plan, IReadOnlyList<MeasurementRecord> records)
    {
        var order = plan.Measurements.Select((m, i) => (m.Task.Id, i)).ToDictionary(p => p.Id, p => p.i);
        return [.. records.OrderBy(r => order.GetValueOrDefault(r.Id, int.MaxValue))];
    }
}
