using System.Diagnostics;

namespace Versus.Engines.Tfjs;

/// <summary>A short helper process (node --version, npm ci) run to completion with a time limit.</summary>
internal sealed record ProcessOutput(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>The end of stderr (or stdout when stderr is empty): enough to say why something failed.</summary>
    public string Tail
    {
        get
        {
            var text = (string.IsNullOrWhiteSpace(StandardError) ? StandardOutput : StandardError).Trim();
            return text.Length <= 800 ? text : "..." + text[^800..];
        }
    }

    public static async Task<ProcessOutput> RunAsync(string fileName, IReadOnlyList<string> arguments, string? workingDirectory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"'{fileName}' did not start.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            if (cancellationToken.IsCancellationRequested) throw;
            return new ProcessOutput(-1, "", $"'{fileName} {string.Join(' ', arguments)}' did not finish within {timeout.TotalSeconds:0} s");
        }
        return new ProcessOutput(process.ExitCode, await stdout, await stderr);
    }
}
