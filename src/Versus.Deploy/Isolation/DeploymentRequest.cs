using System.Text.Json.Nodes;
using Versus.Core.Data;
using Versus.Core.Measurement;

namespace Versus.Deploy.Isolation;

/// <summary>
/// What a deployment worker probes: one workload (its resolved spec, the run's initial weights file and data source),
/// where to write, the thread count and the measurement profile. Written to a file the worker reads.
/// </summary>
public sealed record DeploymentRequest(JsonObject Spec, string WeightsPath, DataSource Data, string OutDirectory, int Threads, MeasurementProfile Profile);
