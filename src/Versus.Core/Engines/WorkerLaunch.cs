namespace Versus.Core.Engines;

/// <summary>The command line that starts an engine's worker process, which then speaks docs/protocol.md on stdio.</summary>
public sealed record WorkerLaunch(string FileName, IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string>? Environment = null);
