namespace Versus.Engines.TorchSharp.Native;

/// <summary>The outcome of the libstdc++ check, recorded in the engine's details so a run says what was done to load it.</summary>
public sealed record NativeCompatibilityReport(
    NativeCompatibilityAction Action,
    string? LibraryPath,
    string? LibStdCxxPath,
    string Summary);
