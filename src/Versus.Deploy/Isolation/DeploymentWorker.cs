using Versus.Core.Data;
using Versus.Core.Deployment;
using Versus.Core.Models;
using Versus.Core.Results;
using Versus.Core.Weights;

namespace Versus.Deploy.Isolation;

/// <summary>
/// The child side of the deployment probes (the CLI's hidden "deploy-worker" command): reads a
/// <see cref="DeploymentRequest"/>, runs <see cref="DeploymentSuite"/> and writes each <see cref="DeploymentEvent"/> as one
/// JSON line. TorchSharp, ONNX Runtime, Kestrel and Chromium then live in a process of their own, as engines do in
/// measurements: a native crash fails the probes, not the run. The host hands in every registered engine's
/// deployment capabilities (the CLI's engine catalog), so this side names no engine.
/// </summary>
public static class DeploymentWorker
{
    public static async Task<int> RunAsync(string requestPath, IReadOnlyList<IDeploymentCapability> capabilities,
        TextWriter events, CancellationToken cancellationToken)
    {
        var request = ResultsJson.Deserialize<DeploymentRequest>(await File.ReadAllTextAsync(requestPath, cancellationToken));
        var read = ModelSpecReader.Read(request.Spec.ToJsonString(), $"{requestPath}: spec");
        if (!read.IsValid) throw new InvalidOperationException(string.Join("; ", read.Errors));
        var spec = read.Spec!;
        var context = new DeploymentContext(spec, SafeTensorsFile.Read(request.WeightsPath), DatasetLoader.Load(request.Data, spec.Input, spec.Classes),
            request.OutDirectory, request.Threads, request.Profile, capabilities);
        async Task Send(DeploymentEvent e)
        {
            await events.WriteLineAsync(ResultsJson.SerializeLine(e));
            await events.FlushAsync(cancellationToken);
        }
        await DeploymentSuite.RunAsync(context, target => Send(new DeploymentEvent(Starting: target)).GetAwaiter().GetResult(),
            record => Send(new DeploymentEvent(Record: record)), cancellationToken);
        return 0;
    }
}
