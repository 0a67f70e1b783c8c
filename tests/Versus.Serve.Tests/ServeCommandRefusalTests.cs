using System.Net;
using System.Net.Sockets;
using Versus.Cli.Tests;

namespace Versus.Serve.Tests;

/// <summary>'versus serve' with options it cannot honour: one line on the terminal naming the problem, exit 2, nothing served.</summary>
public sealed class ServeCommandRefusalTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Should_ExitTwoWithOneLine_When_RemoteBindHasNoToken()
    {
        using var folder = new TempDirectory();
        var result = await VersusProcess.RunAsync(Timeout, "serve", "--allow-remote", "--db", folder.File("r.db"));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: --allow-remote needs --token", result.Stderr.Trim()[..35]);
        Assert.Single(result.Stderr.Trim().Split('\n'));
    }

    [Fact]
    public async Task Should_NotEchoTheToken_When_TokenIsTooShort()
    {
        using var folder = new TempDirectory();
        var result = await VersusProcess.RunAsync(Timeout, "serve", "--allow-remote", "--token", "hunter2", "--db", folder.File("r.db"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--token is 7 characters; use at least 16", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", result.Stderr + result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("65536")]
    [InlineData("-1")]
    [InlineData("http")]
    public async Task Should_ExitTwoWithOneLine_When_PortIsOutOfRange(string port)
    {
        using var folder = new TempDirectory();
        var result = await VersusProcess.RunAsync(Timeout, "serve", "--port", port, "--db", folder.File("r.db"));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"error: --port '{port}' is not a port; use a whole number from 1 to 65535", result.Stderr.Trim());
    }

    [Fact]
    public async Task Should_ExitTwoWithOneLine_When_PortIsInUse()
    {
        using var folder = new TempDirectory();
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var result = await VersusProcess.RunAsync(Timeout, "serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--db", folder.File("r.db"));

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"error: --port {port} cannot be used", result.Stderr.Trim(), StringComparison.Ordinal);
        Assert.Single(result.Stderr.Trim().Split('\n'));
    }

    [Fact]
    public async Task Should_ExitTwoWithOneLine_When_StoreCannotBeOpened()
    {
        using var folder = new TempDirectory();
        var notSqlite = folder.File("notes.db");
        await File.WriteAllTextAsync(notSqlite, "these are notes, not a database; long enough to have a header page of text in it.........");
        var result = await VersusProcess.RunAsync(Timeout, "serve", "--port", "1", "--db", notSqlite);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"error: '{notSqlite}'", result.Stderr.Trim(), StringComparison.Ordinal);
        Assert.Single(result.Stderr.Trim().Split('\n'));
    }
}
