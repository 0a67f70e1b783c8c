using System.ComponentModel;
using Spectre.Console.Cli;
using Versus.Cli.Console;
using Versus.Core.Planning;
using Versus.Serve.Hosting;
using Versus.Store;

namespace Versus.Cli.Commands;

/// <summary>
/// "versus serve": the dashboard over the same store the other commands use, on 127.0.0.1 until Ctrl+C. Bad options,
/// a port that cannot be bound or a store that cannot be opened: one line each, exit 2.
/// </summary>
public sealed class ServeCommand : AsyncCommand<ServeCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("--port <N>")]
        [Description("Port to listen on (default 8484).")]
        public string? Port { get; init; }

        [CommandOption("--allow-remote")]
        [Description("Listen on every interface instead of 127.0.0.1; needs --token.")]
        public bool AllowRemote { get; init; }

        [CommandOption("--token <SECRET>")]
        [Description("Access token (16 characters or more) every request must carry: sign in at /login or send 'Authorization: Bearer'.")]
        public string? Token { get; init; }
    }

    /// <summary>The workloads the new-run form offers: the catalog's specs and the depth sweep's members.</summary>
    private static readonly string[] DepthMembers = ["depth-2", "depth-4", "depth-8", "depth-16"];

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var (port, problems) = ServeOptionsValidator.Validate(settings.Port, settings.AllowRemote, settings.Token);
        foreach (var p in problems) ErrorLine.Print(p);
        if (problems.Count > 0) return ExitCodes.BadInput;

        string storePath;
        try
        {
            storePath = ResultStores.Resolve(settings.Db);
        }
        catch (StoreException e)
        {
            ErrorLine.Print(e.Message);
            return ExitCodes.BadInput;
        }
        var self = SelfLaunch.Context().Self;
        var options = new ServeOptions(port, settings.AllowRemote, settings.Token, storePath, new RunLauncher(self.FileName, self.Arguments),
            EngineCatalog.All, [.. WorkloadCatalog.Locate().Ids.Concat(DepthMembers).Distinct()]);
        ServeHost host;
        try
        {
            host = await ServeHost.StartAsync(options, cancellationToken);
        }
        catch (ServeStartException e)
        {
            ErrorLine.Print(e.Message);
            return ExitCodes.BadInput;
        }
        await using (host)
        {
            System.Console.WriteLine($"Versus dashboard: {host.Url} (store {host.StoreLocation}); Ctrl+C to stop.");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: stop serving (a run started from the page is cancelled and closed as such).
            }
        }
        return ExitCodes.Ok;
    }
}
