namespace Versus.Core.Planning;

/// <summary>
/// How many threads each engine may be given: one range for 'versus run --threads' and the dashboard's new-run form, so
/// the form never accepts what the command it starts would refuse (nor refuses what it would take).
/// </summary>
public static class ThreadCount
{
    public const int Min = 1;
    public const int Max = 4096;
}
