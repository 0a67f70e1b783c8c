using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Versus.Deploy;

/// <summary>
/// Serves a workload's model over HTTP with ASP.NET Core (Kestrel, minimal API) on loopback, in front of any engine's
/// <see cref="ServedModel"/> (the ONNX export on ONNX Runtime, or the trained module on TorchSharp, for instance):
/// POST /predict takes <see cref="PredictRequest"/> and answers <see cref="PredictResponse"/> (400 with a reason
/// for a body that does not fit the model); GET /health answers the workload id. Port 0 picks a free port, so probes
/// never collide with anything else on the machine.
/// </summary>
public sealed class ModelServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ServedModel model;

    private ModelServer(WebApplication app, ServedModel model, Uri address)
    {
        this.app = app;
        this.model = model;
        Address = address;
    }

    /// <summary>The server's base address, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Address { get; }

    public long ModelBytes => model.ModelBytes;

    public string Description => model.Description;

    /// <summary>Starts listening in front of <paramref name="served"/>, which the server then owns.</summary>
    public static async Task<ModelServer> StartAsync(ServedModel served, string workload, CancellationToken cancellationToken, int port = 0)
    {
        try
        {
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
            // Per-request log lines would be timed along with the model and flood a probe's console.
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
            var app = builder.Build();
            app.MapPost("/predict", (PredictRequest? request) =>
            {
                var (logits, problem) = served.Predict(request);
                return logits is null ? Results.BadRequest(new { error = problem }) : Results.Ok(new PredictResponse(logits));
            });
            app.MapGet("/health", () => Results.Ok(new { workload, engine = served.Engine, pixelsPerImage = served.PixelsPerImage, classes = served.Classes }));
            await app.StartAsync(cancellationToken);
            var address = new Uri(app.Urls.Single().TrimEnd('/') + "/");
            return new ModelServer(app, served, address);
        }
        catch
        {
            served.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        model.Dispose();
    }
}
