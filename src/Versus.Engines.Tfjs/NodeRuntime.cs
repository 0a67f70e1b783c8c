using System.ComponentModel;
using System.Globalization;

namespace Versus.Engines.Tfjs;

/// <summary>The <c>node</c> executable on PATH and its version; the TensorFlow.js worker needs Node 18 or newer.</summary>
internal sealed record NodeRuntime(string FileName, Version Version)
{
    public static readonly Version Minimum = new(18, 0);

    /// <summary>Null with a reason when node is missing, does not run, or is too old.</summary>
    public static async Task<(NodeRuntime? Node, string? Problem)> FindAsync(CancellationToken cancellationToken)
    {
        const string fileName = "node";
        ProcessOutput output;
        try
        {
            output = await ProcessOutput.RunAsync(fileName, ["--version"], null, TimeSpan.FromSeconds(20), cancellationToken);
        }
        catch (Win32Exception)
        {
            return (null, "Node.js is not installed (no 'node' on PATH)");
        }
        if (output.ExitCode != 0) return (null, $"'node --version' failed with exit code {output.ExitCode}: {output.Tail}");
        var text = output.StandardOutput.Trim();
        if (ParseVersion(text) is not { } version) return (null, $"cannot read Node.js's version from '{text}'");
        if (version < Minimum) return (null, $"Node.js {text} is too old; the TensorFlow.js worker needs {Minimum.Major} or newer");
        return (new NodeRuntime(fileName, version), null);
    }

    /// <summary>"v20.20.2" -> 20.20.2.</summary>
    public static Version? ParseVersion(string text)
    {
        var parts = text.TrimStart('v').Split('.');
        if (parts.Length < 2) return null;
        var numbers = new int[3];
        for (var i = 0; i < Math.Min(3, parts.Length); i++)
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i])) return null;
        return new Version(numbers[0], numbers[1], numbers[2]);
    }
}
