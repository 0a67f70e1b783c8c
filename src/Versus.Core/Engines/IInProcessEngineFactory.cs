namespace Versus.Core.Engines;

/// <summary>An engine implemented in .NET: the CLI's worker mode hosts it in-process behind the protocol.</summary>
public interface IInProcessEngineFactory
{
    /// <summary>Loads the engine's native runtime and applies the thread count; the time this takes is the engine load.</summary>
    IEngine Load(int threads);
}
