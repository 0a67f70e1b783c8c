namespace Versus.Engines.TorchSharp.Native;

/// <summary>
/// One symbol-version requirement of an ELF shared object (a Vernaux entry of .gnu.version_r): the library it is
/// needed from, the version name, its flags, and where in the file the flags live so they can be patched in place.
/// </summary>
public sealed record VersionRequirement(string File, string Version, ushort Flags, int FlagsOffset)
{
    public bool IsWeak => (Flags & ElfVersionRequirements.WeakFlag) != 0;
}
