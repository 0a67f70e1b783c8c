namespace Versus.Serve.Runs;

/// <summary>
/// One thing a child run said, as the live page shows it: the run's id and size, a measurement starting (i of n), a
/// result line as it lands, any other line, and the end (exit code and status).
/// </summary>
public sealed record RunEvent(int Sequence, RunEventKind Kind, string Text, int? Index = null, int? Total = null, string? RunId = null);
