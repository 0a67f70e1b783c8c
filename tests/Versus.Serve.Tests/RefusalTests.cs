using System.Net;
using System.Text;

namespace Versus.Serve.Tests;

/// <summary>Requests the dashboard must refuse, sent as raw HTTP: nothing from them reaches the file system or starts a run.</summary>
public sealed class RefusalTests(ServeFixture serve) : IClassFixture<ServeFixture>
{
    [Theory]
    [InlineData("/runs/..%2F..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/runs/..%2f..%2fresults.db/report.html")]
    [InlineData("/runs/%2e%2e/results.json")]
    [InlineData("/static/..%2F..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/runs/20261125-100000-aaaa%00/report.md")]
    [InlineData("/..%2F..%2Fetc%2Fpasswd")]
    public async Task Should_AnswerNotFound_When_PathTriesToLeaveTheStore(string path)
    {
        using var response = await serve.Http.GetAsync(new Uri(serve.Host.Url, path));
        var body = await response.Content.ReadAsStringAsync();

        // 404 from the dashboard (not a run id, no such page), or 400 from Kestrel for a path it will not even route.
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.BadRequest });
        Assert.DoesNotContain("root:", body, StringComparison.Ordinal);
        Assert.DoesNotContain("SQLite format", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_SayTheRunIsNotStored_When_RunIdIsUnknown()
    {
        using var response = await serve.Http.GetAsync("/runs/20991231-000000-zzzz");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var text = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("run '20991231-000000-zzzz' is not stored", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/?page=-1", "is not a page number")]
    [InlineData("/?engine=%3Cscript%3E", "is not a filter value")]
    [InlineData("/?machine=bench%2001", "machine 'bench 01' is not a filter value")]
    [InlineData("/trends?metric=rm%20-rf", "is not a valid value")]
    [InlineData("/trends?metric=deploy.model-size", "is not one a trend can follow")]
    [InlineData("/compare?a=20261125-100000-aaaa", "both a and b are needed")]
    public async Task Should_AnswerBadRequestWithTheReason_When_QueryIsMalformed(string path, string reason)
    {
        using var response = await serve.Http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, WebUtility.HtmlDecode(body), StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_RefuseTheBody_When_RequestIsOversized()
    {
        var form = "engines=torchsharp&workloads=depth-2&threads=" + new string('9', 200_000);
        using var content = new StringContent(form, Encoding.ASCII, "application/x-www-form-urlencoded");
        using var response = await serve.Http.PostAsync("/new", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Null(serve.Host.Supervisor.Current);
    }

    [Fact]
    public async Task Should_RefuseTheRequest_When_UrlIsOversized()
    {
        using var response = await serve.Http.GetAsync("/?engine=" + new string('a', 10_000));

        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
    }

    [Fact]
    public async Task Should_RefuseTheForm_When_ItIsNotAForm()
    {
        using var content = new StringContent("{\"engines\":\"torchsharp\"}", Encoding.UTF8, "application/json");
        using var response = await serve.Http.PostAsync("/new", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Null(serve.Host.Supervisor.Current);
    }

    [Theory]
    [InlineData("Origin", "http://evil.example")]
    [InlineData("Origin", "null")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    public async Task Should_RefusePost_When_ItComesFromAnotherSite(string header, string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/new")
        {
            Content = new FormUrlEncodedContent([new("engines", "torchsharp"), new("workloads", "depth-2"), new("quick", "on"), new("priorities", "balanced")]),
        };
        request.Headers.TryAddWithoutValidation(header, value);
        using var response = await serve.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("sent from another site", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(serve.Host.Supervisor.Current);
    }

    [Fact]
    public async Task Should_RefuseCancel_When_ItComesFromAnotherSite()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/live/cancel") { Content = new FormUrlEncodedContent([]) };
        request.Headers.TryAddWithoutValidation("Origin", "http://evil.example");
        using var response = await serve.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Should_RefuseRequest_When_HostIsNotLoopback()
    {
        // DNS rebinding: another site's name pointed at 127.0.0.1 arrives with that name as Host.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = "evil.example";
        using var response = await serve.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.MisdirectedRequest, response.StatusCode);
        Assert.DoesNotContain(SeededStore.RunA, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/runs/20261125-100000-aaaa/report.html")]
    [InlineData("/nowhere")]
    public async Task Should_SetAContentSecurityPolicy_When_AnyPageIsServed(string path)
    {
        using var response = await serve.Http.GetAsync(path);
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));

        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("base-uri 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("http", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }
}
