using System.Diagnostics;
using System.Text;

namespace Versus.Core.Engines;

/// <summary>The command line that starts an engine's worker process, which then speaks docs/protocol.md on stdio.</summary>
public sealed record WorkerLaunch(string FileName, IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string>? Environment = null)
{
    /// <summary>How every worker is started: stdio redirected (stdout as UTF-8), no shell, the extra environment applied.</summary>
    public ProcessStartInfo StartInfo()
    {
        var info = new ProcessStartInfo(FileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var a in Arguments) info.ArgumentList.Add(a);
        foreach (var (k, v) in Environment ?? new Dictionary<string, string>()) info.Environment[k] = v;
        return info;
    }
}
