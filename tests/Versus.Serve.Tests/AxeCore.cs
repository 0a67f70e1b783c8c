using System.Diagnostics;
using System.Text.Json;
using Microsoft.Playwright;

namespace Versus.Serve.Tests;

/// <summary>
/// axe-core (pinned in axe/package.json) installed by npm into the test's own axe/node_modules on first use, injected
/// into a page and run there. Its serious and critical violations are what the accessibility test refuses.
/// </summary>
internal static class AxeCore
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "axe");
    private static readonly SemaphoreSlim Install = new(1, 1);

    public static string ScriptPath => Path.Combine(Folder, "node_modules", "axe-core", "axe.min.js");

    /// <summary>Null when axe-core is ready, else why it could not be installed (for the skip reason).</summary>
    public static async Task<string?> EnsureInstalledAsync()
    {
        await Install.WaitAsync();
        try
        {
            if (File.Exists(ScriptPath)) return null;
            var info = new ProcessStartInfo("npm") { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { "install", "--no-audit", "--no-fund", "--ignore-scripts" }) info.ArgumentList.Add(a);
            try
            {
                using var npm = Process.Start(info)!;
                var stderr = npm.StandardError.ReadToEndAsync();
                _ = npm.StandardOutput.ReadToEndAsync();
                using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
                await npm.WaitForExitAsync(timeout.Token);
                return File.Exists(ScriptPath) ? null : $"npm install axe-core failed in {Folder}: {(await stderr).Trim()}";
            }
            catch (Exception e) when (e is System.ComponentModel.Win32Exception or OperationCanceledException)
            {
                return $"npm could not install axe-core ({e.Message}); install Node.js and npm, with network access once";
            }
        }
        finally
        {
            Install.Release();
        }
    }

    /// <summary>"rule (impact): help — targets" for every violation of at least <paramref name="impacts"/>.</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page, params string[] impacts)
    {
        await page.AddScriptTagAsync(new() { Path = ScriptPath });
        var json = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { resultTypes: ['violations'] })).violations" +
            ".map(v => ({ id: v.id, impact: v.impact || '', help: v.help, targets: v.nodes.map(n => n.target.join(' ')).join(', ') }))");
        return [.. json.EnumerateArray()
            .Where(v => impacts.Contains(v.GetProperty("impact").GetString()))
            .Select(v => $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()} — {v.GetProperty("targets").GetString()}")];
    }
}
