using System.ComponentModel;
using Spectre.Console.Cli;
using Versus.Deploy.Isolation;

namespace Versus.Cli.Commands;

/// <summary>"versus deploy-worker --request FILE": the child side of one workload's deployment probes. Not for people.</summary>
public sealed class DeployWorkerCommand : AsyncCommand<DeployWorkerCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--request <FILE>")]
        [Description("The deployment request the parent wrote.")]
        public string Request { get; init; } = "";
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        // stdout carries the events: anything a native library prints goes to stderr instead.
        var events = new StreamWriter(System.Console.OpenStandardOutput()) { AutoFlush = false };
        System.Console.SetOut(System.Console.Error);
        try
        {
            return await DeploymentWorker.RunAsync(settings.Request, EngineCatalog.Deployment, events, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await System.Console.Error.WriteLineAsync($"error: {e.GetType().Name}: {e.Message}");
            return 1;
        }
        finally
        {
            await events.FlushAsync(cancellationToken);
        }
    }
}
