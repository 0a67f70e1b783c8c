using System.Net;
using Versus.Serve.Hosting;

namespace Versus.Serve.Tests;

/// <summary>
/// A dashboard over a PostgreSQL store whose --db holds a password: the password is never on a page. The child is
/// 'true' (it ignores its arguments and succeeds), so the test is about what the page shows, not about a run.
/// </summary>
public sealed class StoreAddressTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    [SkippableFact]
    public async Task Should_ShowTheStoreWithoutItsPassword_When_LivePageShowsTheRunsCommand()
    {
        var url = await server.CreateDatabaseAsync();
        Assert.Contains(server.Password, url, StringComparison.Ordinal);
        var options = ServeFixture.Options(url) with
        {
            Launcher = new RunLauncher("true", []),
            // One engine to check, so the form needs no TensorFlow.js availability check.
            Engines = [.. ServeFixture.Options(url).Engines.Where(e => e.Id == "torchsharp")],
        };
        await using var host = await ServeHost.StartAsync(options);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.Url };

        using var form = new FormUrlEncodedContent([new("engines", "torchsharp"), new("workloads", "depth-2"), new("quick", "on"), new("epochs", "3"),
            new("priorities", "balanced")]);
        using var started = await http.PostAsync("/new", form);
        Assert.True(started.StatusCode == HttpStatusCode.Redirect, await started.Content.ReadAsStringAsync());
        await host.Supervisor.Current!.Completion.WaitAsync(TimeSpan.FromSeconds(30));
        var live = WebUtility.HtmlDecode(await http.GetStringAsync("/live"));

        Assert.Contains("--db postgres://versus@127.0.0.1:", live, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Password, live, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Password, host.StoreLocation, StringComparison.Ordinal);
        // The form's other values reach the child as given.
        Assert.Contains("--epochs 3", live, StringComparison.Ordinal);
        // The child itself got the address whole: it has to connect.
        Assert.Contains(url, host.Supervisor.Current.Arguments);
    }
}
