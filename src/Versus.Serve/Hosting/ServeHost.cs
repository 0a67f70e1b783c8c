using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Versus.Serve.Compare;
using Versus.Serve.Runs;
using Versus.Serve.Security;
using Versus.Store;

namespace Versus.Serve.Hosting;

/// <summary>
/// The running dashboard: Kestrel on 127.0.0.1 (every interface only with --allow-remote and a token), one store opened
/// at start (a store that cannot be opened stops it there), the pages, and the one child run it may supervise. The port
/// is bound before the store is opened, so a start that fails leaves nothing behind (no new SQLite file).
/// </summary>
public sealed class ServeHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly IResultStore store;
    private readonly RunSupervisor supervisor;

    private ServeHost(WebApplication app, IResultStore store, RunSupervisor supervisor, Uri url)
    {
        this.app = app;
        this.store = store;
        this.supervisor = supervisor;
        Url = url;
    }

    /// <summary>Where it listens, with the actual port (when 0 was asked for).</summary>
    public Uri Url { get; }

    public string StoreLocation => store.Location;

    /// <summary>The run started from the form, if any (tests read it to check that a refused request started none).</summary>
    public RunSupervisor Supervisor => supervisor;

    /// <exception cref="ServeStartException">The port cannot be bound or the store cannot be opened.</exception>
    public static async Task<ServeHost> StartAsync(ServeOptions options, CancellationToken cancellationToken = default)
    {
        var pending = new PendingStore();
        var supervisor = new RunSupervisor(options.Launcher);
        var app = Build(options, pending, supervisor);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (Exception e) when (e is IOException or AddressInUseException or SocketException)
        {
            // In use (IOException around AddressInUseException), or refused by the system (a SocketException: a port
            // below 1024 without the privilege, an address not on this machine).
            await app.DisposeAsync();
            throw new ServeStartException($"--port {options.Port} cannot be used ({e.Message.TrimEnd('.')}); choose another with --port", e);
        }

        IResultStore store;
        try
        {
            store = await ResultStores.OpenAsync(options.StorePath, cancellationToken);
        }
        catch (Exception e)
        {
            // Stop serving before saying why: a request waiting for the store gets the failure, not a hang.
            pending.Fail(e);
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
            // The message names the store without a password; the raw --db value may hold one.
            if (e is StoreException) throw new ServeStartException(e.Message, e);
            throw;
        }
        pending.Open(store);
        _ = app.Services.GetRequiredService<IResultStore>();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        var host = options.AllowRemote ? Dns.GetHostName() : "127.0.0.1";
        return new ServeHost(app, store, supervisor, new Uri($"http://{host}:{port}/"));
    }

    private static WebApplication Build(ServeOptions options, PendingStore pending, RunSupervisor supervisor)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        // No request logging at all: a query string could carry a secret, and the terminal is the user's, not a log.
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = RequestLimits.MaxBodyBytes;
            kestrel.Limits.MaxRequestLineSize = RequestLimits.MaxRequestLineBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = RequestLimits.MaxHeaderBytes;
            kestrel.Listen(options.AllowRemote ? IPAddress.Any : IPAddress.Loopback, options.Port);
        });
        builder.Services.Configure<FormOptions>(form =>
        {
            form.ValueCountLimit = RequestLimits.MaxFormValues;
            form.ValueLengthLimit = RequestLimits.MaxFormValueBytes;
            form.KeyLengthLimit = 64;
            form.MultipartBodyLengthLimit = RequestLimits.MaxBodyBytes;
        });
        // Made once the store is open (StartAsync asks for it at once), then the container's to close with the app.
        builder.Services.AddSingleton(_ => pending.Store);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(supervisor);
        builder.Services.AddSingleton(new EngineChoices(options.Engines));
        builder.Services.AddSingleton(new AccessToken(options.Token));
        builder.Services.AddSingleton<VerdictCache>();
        builder.Services.AddSingleton<IRunComparer, StatisticalRunComparer>();

        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            await pending.Opened.WaitAsync(context.RequestAborted);
            await next(context);
        });
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<ErrorPages>();
        if (!options.AllowRemote) app.UseMiddleware<LocalHostOnly>();
        app.UseMiddleware<TokenGate>();
        app.UseMiddleware<CrossSiteRequestGuard>();
        ServeEndpoints.Map(app);
        return app;
    }

    public async ValueTask DisposeAsync()
    {
        await supervisor.DisposeAsync();
        await app.StopAsync();
        // Closes the store too: the container made it (StartAsync).
        await app.DisposeAsync();
    }
}
