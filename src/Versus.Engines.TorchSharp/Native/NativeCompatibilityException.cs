namespace Versus.Engines.TorchSharp.Native;

/// <summary>TorchSharp's native library cannot be made loadable here; <see cref="Fix"/> says what the user can do.</summary>
public sealed class NativeCompatibilityException : Exception
{
    public NativeCompatibilityException(string problem, string fix, Exception? inner = null)
        : base($"{problem} To fix: {fix}", inner)
    {
        Problem = problem;
        Fix = fix;
    }

    public string Problem { get; }

    public string Fix { get; }
}
