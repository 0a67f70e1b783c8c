using System.Net;
using System.Net.Http.Headers;
using Versus.Serve.Hosting;

namespace Versus.Serve.Tests;

/// <summary>--allow-remote with --token: every page needs the token (bearer or the login cookie); without it, a 401 and nothing else.</summary>
public sealed class RemoteAccessTests
{
    private const string Token = "correct-horse-battery-staple";

    [Fact]
    public async Task Should_RequireTheToken_When_BoundForRemoteAccess()
    {
        using var folder = new TempDirectory();
        await SeededStore.WriteAsync(folder.File("r.db"));
        await using var host = await ServeHost.StartAsync(ServeFixture.Options(folder.File("r.db"), allowRemote: true, token: Token));
        var url = new Uri($"http://127.0.0.1:{host.Url.Port}/");
        using var http = new HttpClient(new HttpClientHandler { UseCookies = true, AllowAutoRedirect = false }) { BaseAddress = url };

        using (var anonymous = await http.GetAsync($"/runs/{SeededStore.RunA}"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.DoesNotContain(SeededStore.FailureReason, await anonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var wrong = new HttpRequestMessage(HttpMethod.Get, "/"))
        {
            wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token + "x");
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(wrong)).StatusCode);
        }
        using (var bearer = new HttpRequestMessage(HttpMethod.Get, "/"))
        {
            bearer.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
            var response = await http.SendAsync(bearer);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(SeededStore.RunA, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var badLogin = await http.PostAsync("/login", new FormUrlEncodedContent([new("token", "guess")]));
        Assert.Equal(HttpStatusCode.Unauthorized, badLogin.StatusCode);
        Assert.DoesNotContain("guess", await badLogin.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var login = await http.PostAsync("/login", new FormUrlEncodedContent([new("token", Token)]));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Token, cookie, StringComparison.Ordinal);
        using var afterLogin = await http.GetAsync($"/runs/{SeededStore.RunA}");
        Assert.Equal(HttpStatusCode.OK, afterLogin.StatusCode);
    }

    [Theory]
    [InlineData(null, "--allow-remote needs --token")]
    [InlineData("short", "--token is 5 characters")]
    public void Should_RefuseRemoteBind_When_TokenIsMissingOrWeak(string? token, string problem)
    {
        var (_, problems) = ServeOptionsValidator.Validate(null, allowRemote: true, token);

        Assert.StartsWith(problem, Assert.Single(problems), StringComparison.Ordinal);
    }
}
