using System.Net;
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
/// at start (a store that cannot be opened stops it there), the pages, and the one child run it may supervise.
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

    /// <exception cref="ServeStartException">The store cannot be opened or the port cannot be bound.</exception>
    public static async Task<ServeHost> StartAsync(ServeOptions options, CancellationToken cancellationToken = default)
    {
        IResultStore store;
        try
        {
            store = await ResultStores.OpenAsync(options.StorePath, cancellationToken);
        }
        catch (StoreException e)
        {
            // The message names the store without a password; the raw --db value may hold one.
            throw new ServeStartException(e.Message, e);
        }

        var supervisor = new RunSupervisor(options.Launcher);
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
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(supervisor);
        builder.Services.AddSingleton(new EngineChoices(options.Engines));
        builder.Services.AddSingleton(new AccessToken(options.Token));
        builder.Services.AddSingleton<VerdictCache>();
        builder.Services.AddSingleton<IRunComparer, StatisticalRunComparer>();

        var app = builder.Build();
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<ErrorPages>();
        if (!options.AllowRemote) app.UseMiddleware<LocalHostOnly>();
        app.UseMiddleware<TokenGate>();
        app.UseMiddleware<CrossSiteRequestGuard>();
        ServeEndpoints.Map(app);

        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (Exception e) when (e is IOException or AddressInUseException)
        {
            await app.DisposeAsync();
            await store.DisposeAsync();
            throw new ServeStartException($"--port {options.Port} cannot be used ({e.Message.TrimEnd('.')}); choose another with --port", e);
        }
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        var host = options.AllowRemote ? Dns.GetHostName() : "127.0.0.1";
        return new ServeHost(app, store, supervisor, new Uri($"http://{host}:{port}/"));
    }

    public async ValueTask DisposeAsync()
    {
        await supervisor.DisposeAsync();
        await app.StopAsync();
        await app.DisposeAsync();
        await store.DisposeAsync();
    }
}
