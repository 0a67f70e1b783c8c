using System.ComponentModel;
using Spectre.Console.Cli;
using Versus.Core.Engines;
using Versus.Core.Protocol;

namespace Versus.Cli.Commands;

/// <summary>"versus worker --engine ID": the child side of a measurement, speaking docs/protocol.md on stdio. Not for people.</summary>
public sealed class WorkerCommand : AsyncCommand<WorkerCommand.Settings>
{
    /// <summary>Set by Program before anything else runs: the origin of the worker's share of cold start.</summary>
    public static double MainEnteredUnixMs { get; set; }

    public sealed class Settings : CommandSettings
    {
        [CommandOption("--engine <ID>")]
        [Description("The in-process engine to host.")]
        public string Engine { get; init; } = "";
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (EngineCatalog.Find(settings.Engine) is not IInProcessEngineFactory factory)
        {
            await System.Console.Error.WriteLineAsync($"error: --engine '{settings.Engine}' is not an in-process engine");
            return ExitCodes.BadInput;
        }
        return new WorkerHost(factory, MainEnteredUnixMs).Run(cancellationToken);
    }
}
