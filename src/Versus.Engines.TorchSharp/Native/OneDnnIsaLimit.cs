using System.Runtime.InteropServices;

namespace Versus.Engines.TorchSharp.Native;

/// <summary>
/// Caps the instruction set of oneDNN, libtorch's CPU convolution library, at AVX2 before libtorch first uses it. With
/// its AVX-512 kernels, the oneDNN 3.7.1 inside libtorch 2.10 (TorchSharp-cpu 0.107.0) trains small convolutions whose
/// input has fewer channels than its 16-wide block (a first layer on 1 or 3 channels; a 1x1 stride-2 projection, run by
/// jit_1x1 backward-weights) wrongly: the loss leaves PyTorch's and tfjs' after the first update, and weights turn NaN at
/// a step that depends on what the process ran before (TrainingIsolationTests). Its AVX2 kernels agree with tfjs exactly.
/// oneDNN reads ONEDNN_MAX_CPU_ISA from the native environment once, at its first primitive, so the variable is set with
/// libc's setenv (.NET's own environment copy is invisible to native code). A value the user set is left alone.
/// </summary>
public static class OneDnnIsaLimit
{
    public const string Variable = "ONEDNN_MAX_CPU_ISA";

    public const string Limit = "AVX2";

    private static readonly Lock Gate = new();
    private static string? inForce;

    /// <summary>Sets the cap once per process (Linux x64 only); returns the value in force, or null where none applies.</summary>
    public static string? Apply()
    {
        lock (Gate)
        {
            if (inForce is not null) return inForce;
            if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64) return null;
            var configured = Environment.GetEnvironmentVariable(Variable);
            if (!string.IsNullOrEmpty(configured)) return inForce = configured;
            if (SetEnv(Variable, Limit, 1) != 0)
                throw new InvalidOperationException($"setenv({Variable}) failed with errno {Marshal.GetLastPInvokeError()}.");
            // Worker processes this one starts inherit the cap too.
            Environment.SetEnvironmentVariable(Variable, Limit);
            return inForce = Limit;
        }
    }

#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code for one call; strings marshal as UTF-8 on Unix.
    [DllImport("libc", EntryPoint = "setenv", SetLastError = true, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int SetEnv([MarshalAs(UnmanagedType.LPUTF8Str)] string name, [MarshalAs(UnmanagedType.LPUTF8Str)] string value, int overwrite);
#pragma warning restore SYSLIB1054
}
