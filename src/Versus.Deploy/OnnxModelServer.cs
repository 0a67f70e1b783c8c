using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Versus.Core.Models;
using Versus.Core.Weights;
using Versus.Export.Onnx;

namespace Versus.Deploy;

/// <summary>
/// Serves a workload's exported ONNX model over HTTP with ASP.NET Core (Kestrel, minimal API) on loopback:
/// POST /predict takes <see cref="PredictRequest"/> and answers <see cref="PredictResponse"/> (400 with a reason
/// for a body that does not fit the model); GET /health answers the workload id. Port 0 picks a free port, so probes
/// never collide with anything else on the machine.
/// </summary>
public sealed class OnnxModelServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ServedModel model;

    private OnnxModelServer(WebApplication app, ServedModel model, Uri address, long modelBytes)
    {
        this.app = app;
        this.model = model;
        Address = address;
        ModelBytes = modelBytes;
    }

    /// <summary>The server's base address, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Address { get; }

    public long ModelBytes { get; }

    /// <summary>Exports <paramref name="spec"/> with <paramref name="weights"/>, creates the session and starts listening.</summary>
    public static async Task<OnnxModelServer> StartAsync(ModelSpec spec, WeightSet weights, int threads, CancellationToken cancellationToken, int port = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        var bytes = OnnxExporter.ExportBytes(spec, weights);
        var served = new ServedModel(bytes, spec.Input, spec.Classes, threads);
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
            app.MapGet("/health", () => Results.Ok(new { workload = spec.Id, pixelsPerImage = served.PixelsPerImage, classes = spec.Classes }));
            await app.StartAsync(cancellationToken);
            var address = new Uri(app.Urls.Single().TrimEnd('/') + "/");
            return new OnnxModelServer(app, served, address, bytes.LongLength);
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
