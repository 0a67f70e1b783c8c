using Xunit.Abstractions;

namespace Versus.Serve.Tests;

/// <summary>Every page through axe-core in Chromium: no serious or critical violation (contrast, names, labels, landmarks...).</summary>
public sealed class AccessibilityTests(ServeFixture serve, ITestOutputHelper output) : IClassFixture<ServeFixture>
{
    [SkippableFact]
    public async Task Should_FindNoSeriousViolations_When_EachPageIsCheckedWithAxe()
    {
        Skip.IfNot(ServeFixture.HasChromium, $"{ServeFixture.Chromium} is absent: install Debian's chromium");
        var problem = await AxeCore.EnsureInstalledAsync();
        Skip.If(problem is not null, problem);
        // Only so the test can inject axe: the dashboard's policy allows no inline script, rightly.
        var (page, _) = await serve.NewPageAsync(bypassCsp: true);
        string[] paths =
        [
            "/", "/?page=2", $"/runs/{SeededStore.RunA}", $"/compare?a={SeededStore.RunA}&b={SeededStore.RunB}", "/compare",
            "/trends?machine=bench-01&engine=torchsharp&workload=small-cnn-28&metric=infer.latency.batch1", "/new", "/live",
            "/runs/20991231-000000-zzzz", $"/runs/{SeededStore.OnlyPeak}",
        ];
        var found = new List<string>();
        foreach (var path in paths)
        {
            await page.GotoAsync(serve.At(path));
            var violations = await AxeCore.ViolationsAsync(page, "serious", "critical");
            found.AddRange(violations.Select(v => $"{path}: {v}"));
            output.WriteLine($"{path}: {violations.Count} serious or critical");
        }

        await page.GotoAsync(serve.At("/new"));
        await page.FillAsync("#threads", "0");
        await page.ClickAsync("form.run-form button[type=submit]");
        await page.Locator("#threads-error").WaitForAsync();
        found.AddRange((await AxeCore.ViolationsAsync(page, "serious", "critical")).Select(v => $"/new (errors): {v}"));

        // axe really ran in the page (a missing or broken injection would find nothing, and pass).
        Assert.Equal("4.14.1", await page.EvaluateAsync<string>("axe.version"));
        Assert.True(found.Count == 0, string.Join("\n", found));
    }
}
