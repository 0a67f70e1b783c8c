namespace Versus.Core.Protocol;

/// <summary>A worker crashed, hung, broke the protocol or reported an engine error: that measurement fails, the run goes on.</summary>
public sealed class WorkerFaultException(string message) : Exception(message);
