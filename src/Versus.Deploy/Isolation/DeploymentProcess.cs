using System.Diagnostics;
using System.Text.Json;
using Versus.Core.Engines;
using Versus.Core.Protocol;
using Versus.Core.Results;

namespace Versus.Deploy.Isolation;

/// <summary>
/// The parent side: starts a deployment worker for one workload, hands on each probe's start and record as its line
/// arrives, and turns a worker that crashes, hangs past the timeout or writes something else into failed records for
/// the targets it never reported, with the exit code and the tail of its stderr. Never throws for a worker's fault.
/// </summary>
public static class DeploymentProcess
{
    /// <summary>The targets every suite reports, in order: what a dead worker's missing records are filled in for.</summary>
    public static IReadOnlyList<DeploymentTarget> Targets { get; } =
        [DeploymentTarget.OnnxInterop, DeploymentTarget.Server, DeploymentTarget.Edge, DeploymentTarget.Browser];

    public const string WorkerEngine = "deployment worker";

    private const int StderrTailChars = 1500;

    /// <summary>Writes the request beside the results and runs <paramref name="self"/> + "deploy-worker --request FILE".</summary>
    public static async Task RunAsync(WorkerLaunch self, DeploymentRequest request, string workload,
        Action<DeploymentTarget> starting, Func<DeploymentRecord, Task> finished, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(request.OutDirectory, "deploy");
        Directory.CreateDirectory(directory);
        var requestPath = Path.Combine(directory, $"{workload}-request.json");
        await File.WriteAllTextAsync(requestPath, ResultsJson.Serialize(request), cancellationToken);
        var launch = self with { Arguments = [.. self.Arguments, "deploy-worker", "--request", requestPath] };
        await RunAsync(launch, workload, starting, finished, timeout, cancellationToken);
    }

    /// <summary>Runs a worker started by <paramref name="launch"/> (a test passes any command that speaks the same lines).</summary>
    public static async Task RunAsync(WorkerLaunch launch, string workload, Action<DeploymentTarget> starting, Func<DeploymentRecord, Task> finished,
        TimeSpan timeout, CancellationToken cancellationToken)
    {
        var reported = new HashSet<DeploymentTarget>();
        var current = Targets[0];
        string? fault = null;
        var stderr = new StderrTail(StderrTailChars);
        using var process = Start(launch, stderr, out var startFault);
        if (process is null)
        {
            fault = startFault;
        }
        else
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            try
            {
                while (await process.StandardOutput.ReadLineAsync(deadline.Token) is { } line)
                {
                    if (line.Length == 0) continue;
                    DeploymentEvent? e;
                    try
                    {
                        e = ResultsJson.Deserialize<DeploymentEvent>(line);
                    }
                    catch (JsonException)
                    {
                        fault = $"the deployment worker wrote something that is not an event: '{(line.Length > 200 ? line[..200] + "..." : line)}'";
                        break;
                    }
                    if (e.Starting is { } target)
                    {
                        current = target;
                        starting(target);
                    }
                    if (e.Record is { } record)
                    {
                        reported.Add(record.Target);
                        await finished(record);
                    }
                }
                if (fault is null)
                {
                    await process.WaitForExitAsync(deadline.Token);
                    if (process.ExitCode != 0) fault = $"the deployment worker exited with code {process.ExitCode}{Signal(process.ExitCode)}";
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                fault = $"the deployment worker did not finish within {timeout.TotalMinutes:0.#} min";
            }
            finally
            {
                if (!process.HasExited) process.Kill(entireProcessTree: true);
            }
        }
        cancellationToken.ThrowIfCancellationRequested();
        if (fault is null) return;
        var tail = stderr.ToString();
        foreach (var target in Targets.Where(t => !reported.Contains(t)))
        {
            var when = target == current ? "while probing it" : "before probing it";
            await finished(new DeploymentRecord(target, WorkerEngine, workload, DeploymentStatus.Failed,
                $"Failed: {fault} {when}{(tail.Length > 0 ? $"; stderr: {tail}" : "")}.", []));
        }
    }

    private static Process? Start(WorkerLaunch launch, StderrTail stderr, out string? fault)
    {
        var process = new Process { StartInfo = launch.StartInfo() };
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            process.Dispose();
            fault = $"could not start the deployment worker '{launch.FileName}': {e.Message}";
            return null;
        }
        process.StandardInput.Close();
        process.ErrorDataReceived += (_, e) => stderr.Append(e.Data);
        process.BeginErrorReadLine();
        fault = null;
        return process;
    }

    /// <summary>Exit codes above 128 are a signal's number plus 128 (bash's convention, and .NET's for a killed child).</summary>
    private static string Signal(int exitCode) => exitCode switch
    {
        134 => " (SIGABRT)",
        137 => " (SIGKILL)",
        139 => " (SIGSEGV)",
        _ => "",
    };
}
