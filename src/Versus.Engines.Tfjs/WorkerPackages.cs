using System.Text.Json;

namespace Versus.Engines.Tfjs;

/// <summary>
/// The worker folder (copied next to the application as <c>tfjs-worker/</c>) and its npm packages. node_modules is not
/// shipped or committed: the first use runs <c>npm ci</c> against the committed package-lock.json, once, under a
/// cross-process lock so parallel runs or tests do not install over each other.
/// </summary>
internal sealed class WorkerPackages(string folder)
{
    public const string FolderName = "tfjs-worker";

    /// <summary>Overrides the worker folder (a development checkout, a shared installation).</summary>
    public const string FolderVariable = "VERSUS_TFJS_WORKER";

    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(10);

    public string Folder { get; } = folder;

    public string Script => Path.Combine(Folder, "worker.js");

    public static WorkerPackages Locate() =>
        new(Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } configured ? configured : Path.Combine(AppContext.BaseDirectory, FolderName));

    /// <summary>Every dependency of package.json (pinned exactly) is in node_modules at that version: an upgrade reinstalls.</summary>
    public bool IsInstalled
    {
        get
        {
            try
            {
                using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "package.json")));
                return manifest.RootElement.TryGetProperty("dependencies", out var dependencies)
                    && dependencies.EnumerateObject().All(d => PackageVersion(d.Name) == d.Value.GetString());
            }
            catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
            {
                return false;
            }
        }
    }

    /// <summary>Optional native backend: present only where someone installed @tensorflow/tfjs-node with internet access.</summary>
    public bool HasNativeBackend => PackageVersion("@tensorflow/tfjs-node") is not null;

    public string? PackageVersion(string package)
    {
        var file = Path.Combine(Folder, "node_modules", package, "package.json");
        if (!File.Exists(file)) return null;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            return document.RootElement.TryGetProperty("version", out var version) ? version.GetString() : null;
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Installs the packages if missing; returns null, or why it could not (with npm's own words).</summary>
    public async Task<string?> EnsureInstalledAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(Script)) return $"the TensorFlow.js worker is missing: {Script} does not exist";
        if (IsInstalled) return null;
        await using var gate = await AcquireLockAsync(cancellationToken);
        if (IsInstalled) return null; // another process installed while this one waited
        await Console.Error.WriteLineAsync($"versus: installing the TensorFlow.js worker's npm packages in {Folder} (npm ci, first use only)...");
        ProcessOutput output;
        try
        {
            output = await ProcessOutput.RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], Folder, InstallTimeout, cancellationToken);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "npm is not installed (no 'npm' on PATH); it comes with Node.js";
        }
        if (output.ExitCode != 0) return $"'npm ci' in {Folder} failed (exit code {output.ExitCode}): {output.Tail}";
        return IsInstalled ? null : $"'npm ci' in {Folder} finished but @tensorflow/tfjs is still missing";
    }

    private async Task<FileStream> AcquireLockAsync(CancellationToken cancellationToken)
    {
        var path = Path.Combine(Folder, ".install.lock");
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                await Task.Delay(500, cancellationToken);
            }
        }
    }
}
