using System.Net;
using Versus.Serve.Hosting;

namespace Versus.Serve.Tests;

/// <summary>
/// "Against the previous run" in a history longer than a page of runs: run B and its baseline A are older than the
/// newest 210 runs (another configuration), and B still finds A.
/// </summary>
public sealed class PreviousRunTests : IAsyncLifetime
{
    private const int Newer = 210;
    private readonly TempDirectory folder = new();
    private ServeHost host = null!;
    private HttpClient http = null!;

    public async Task InitializeAsync()
    {
        var path = folder.File("long.db");
        await SeededStore.WriteLongHistoryAsync(path, Newer);
        host = await ServeHost.StartAsync(ServeFixture.Options(path));
        http = new HttpClient { BaseAddress = host.Url };
    }

    [Fact]
    public async Task Should_LinkTheBaseline_When_RunIsOlderThanTheNewestPage()
    {
        var page = WebUtility.HtmlDecode(await http.GetStringAsync($"/runs/{SeededStore.RunB}"));

        Assert.Contains($"id=\"compare-previous\" href=\"/compare?a=previous&b={SeededStore.RunB}\"", page, StringComparison.Ordinal);
        Assert.Contains($"Against the previous run of this configuration ({SeededStore.RunA})", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_CompareWithTheBaseline_When_BothAreOlderThanTheNewestPage()
    {
        using var response = await http.GetAsync($"/compare?a=previous&b={SeededStore.RunB}");
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<dt>A</dt><dd><a href=\"/runs/{SeededStore.RunA}\">", page, StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await host.DisposeAsync();
        folder.Dispose();
    }
}
