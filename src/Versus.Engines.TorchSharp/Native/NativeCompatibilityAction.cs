namespace Versus.Engines.TorchSharp.Native;

/// <summary>What <see cref="LibStdCxxCompatibility"/> found and did.</summary>
public enum NativeCompatibilityAction
{
    /// <summary>Not Linux: the ELF requirement does not exist there.</summary>
    NotLinux,

    /// <summary>No libLibTorchSharp.so next to the application; TorchSharp will report its own load error.</summary>
    LibraryNotFound,

    /// <summary>The system's libstdc++ provides the version, so the library loads untouched.</summary>
    SystemLibraryProvidesVersion,

    /// <summary>The library does not (or no longer) strongly require the version: patched before, by this or another process.</summary>
    AlreadyCompatible,

    /// <summary>The requirement was marked weak just now.</summary>
    Patched,
}
