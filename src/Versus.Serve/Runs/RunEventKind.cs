namespace Versus.Serve.Runs;

public enum RunEventKind
{
    Started,
    Measuring,
    Result,
    Line,
    Finished,
}
