using Versus.Core.Results;

namespace Versus.Deploy;

/// <summary>
/// Every exercised deployment probe of one workload in order: ONNX interop first (it writes the model the others
/// deploy), then server, edge and browser. Each probe records its own failure, so one failing probe never stops the rest.
/// Which engines each probe exercises is whatever <see cref="DeploymentContext.Capabilities"/> offers.
/// </summary>
public static class DeploymentSuite
{
    /// <summary>Probes the workload; <paramref name="starting"/> hears each probe's target before it runs, <paramref name="finished"/> each record.</summary>
    public static async Task<IReadOnlyList<DeploymentRecord>> RunAsync(DeploymentContext context, Action<DeploymentTarget> starting,
        Func<DeploymentRecord, Task> finished, CancellationToken cancellationToken)
    {
        var records = new List<DeploymentRecord>();
        async Task Add(DeploymentRecord record)
        {
            records.Add(record);
            await finished(record);
        }

        starting(DeploymentTarget.OnnxInterop);
        var (interop, model) = await InteropProbe.RunAsync(context, cancellationToken);
        foreach (var record in interop) await Add(record);
        starting(DeploymentTarget.Server);
        foreach (var record in await ServerProbe.RunAsync(context, model, cancellationToken)) await Add(record);
        starting(DeploymentTarget.Edge);
        foreach (var record in await EdgeProbe.RunAsync(context, model, cancellationToken)) await Add(record);
        starting(DeploymentTarget.Browser);
        foreach (var record in await BrowserProbe.RunAsync(context, model, cancellationToken)) await Add(record);
        return records;
    }
}
