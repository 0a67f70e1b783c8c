using System.Text.RegularExpressions;
using Versus.Core.Engines;

namespace Versus.Reports.Formatting;

/// <summary>
/// One name for the library an engine ran, from its framework and version without saying either twice: workers report
/// both, and they overlap ("ONNX Runtime" and "ONNX Runtime 1.22.0"; "... via TorchSharp" and "TorchSharp 0.105.1
/// (libtorch 2.5.1)"; "TensorFlow.js 4.22 (Keras layers API)" and "4.22.0"), which printed side by side read as a stutter.
/// </summary>
public static partial class LibraryName
{
    public static string Of(EngineInfo info) => Of(info.Framework, info.Version);

    public static string Of(string framework, string version)
    {
        if (string.IsNullOrWhiteSpace(version) || framework.Contains(version, StringComparison.Ordinal)) return framework;
        if (version.StartsWith(framework, StringComparison.Ordinal)) return version;
        if (Overlap(framework, version) is { Length: > 0 } shared) return framework + version[shared.Length..];
        // A release ("4.22.0", or "TensorFlow.js 4.22.0" after the words the framework starts with) whose major.minor the
        // framework already names: write the full release in its place.
        if (Release().Match(AfterSharedLead(framework, version)) is { Success: true } release
            && framework.Contains($"{release.Groups["major"].Value}.{release.Groups["minor"].Value}", StringComparison.Ordinal))
            return framework.Replace($"{release.Groups["major"].Value}.{release.Groups["minor"].Value}", release.Value, StringComparison.Ordinal);
        return $"{framework} {version}";
    }

    /// <summary>The longest run of whole words that ends the framework and starts the version.</summary>
    private static string Overlap(string framework, string version)
    {
        var words = framework.Split(' ');
        for (var start = 0; start < words.Length; start++)
        {
            var tail = string.Join(' ', words[start..]);
            if (version.StartsWith(tail + " ", StringComparison.Ordinal)) return tail;
        }
        return "";
    }

    /// <summary>The version without the leading words it shares with the framework.</summary>
    private static string AfterSharedLead(string framework, string version)
    {
        var (f, v) = (framework.Split(' '), version.Split(' '));
        var shared = 0;
        while (shared < Math.Min(f.Length, v.Length) - 1 && f[shared] == v[shared]) shared++;
        return string.Join(' ', v[shared..]);
    }

    [GeneratedRegex(@"^(?<major>\d+)\.(?<minor>\d+)(\.\d+)*$")]
    private static partial Regex Release();
}
