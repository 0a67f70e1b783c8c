namespace Versus.Core.Deployment;

/// <summary>
/// Something an engine offers the deployment probes: serve a model, export it to ONNX, run an ONNX file, run on an edge
/// budget, run in a browser page, or say why it cannot reach a target here (<see cref="DeploymentGap"/>). An engine
/// lists its capabilities on its provider (<see cref="Engines.IEngineProvider.Deployment"/>); each probe takes the
/// capabilities of its kind, so a new engine's rows appear without an edit to any probe.
/// </summary>
/// <remarks>
/// Each kind declares the framework family of the rows it yields (a browser capability per runtime it hosts).
/// </remarks>
public interface IDeploymentCapability;
