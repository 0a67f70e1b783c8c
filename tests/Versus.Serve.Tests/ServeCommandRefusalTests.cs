using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.Versioning;
using Versus.Cli.Tests;

namespace Versus.Serve.Tests;

/// <summary>
/// 'versus serve' with options it cannot honour: one line on the terminal naming the problem, exit 2, nothing served,
/// and no store file created where none was.
/// </summary>
public sealed class ServeCommandRefusalTests
{
    private const string UnprivilegedPortStart = "/proc/sys/net/ipv4/ip_unprivileged_port_start";
    private const string Setpriv = "/usr/bin/setpriv";
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
        Assert.False(File.Exists(folder.File("r.db")), "a refused start creates no store");
    }

    [Fact]
    public async Task Should_ExitTwoWithOneLine_When_PortIsInUse()
    {
        using var folder = new TempDirectory();
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var newStore = Path.Combine(folder.Path, "new", "r.db");
        var result = await VersusProcess.RunAsync(Timeout, "serve", "--port", port.ToString(CultureInfo.InvariantCulture), "--db", newStore);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"error: --port {port} cannot be used", result.Stderr.Trim(), StringComparison.Ordinal);
        Assert.Single(result.Stderr.Trim().Split('\n'));
        // The port is bound before the store is opened: nothing half-made is left for the user to find.
        Assert.False(File.Exists(newStore), "a start refused for its port creates no store");
        Assert.False(Directory.Exists(Path.GetDirectoryName(newStore)), "nor the store's folder");
    }

    [SkippableFact]
    [SupportedOSPlatform("linux")]
    public async Task Should_ExitTwoWithOneLine_When_PortNeedsAPrivilegeTheUserLacks()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "privileged ports are tested on Linux");
        // Binding below ip_unprivileged_port_start without CAP_NET_BIND_SERVICE fails with a SocketException (EACCES),
        // not Kestrel's "address in use". As root, the CLI runs as 'nobody' (setpriv drops the capability).
        const int Privileged = 80;
        var start = File.Exists(UnprivilegedPortStart) ? int.Parse(File.ReadAllText(UnprivilegedPortStart).Trim(), CultureInfo.InvariantCulture) : 1024;
        Skip.If(start <= Privileged, $"this system lets anyone bind port {Privileged} ({UnprivilegedPortStart} is {start})");
        var asRoot = Environment.UserName == "root";
        Skip.If(asRoot && !File.Exists(Setpriv), $"running as root and {Setpriv} is absent: nothing to run the CLI as an unprivileged user");
        var closed = asRoot ? ClosedToOthers(AppContext.BaseDirectory) : null;
        Skip.If(closed is not null, $"running as root from {closed}, which other users cannot enter (a clone under /root): 'nobody' cannot start the CLI");
        using var folder = new TempDirectory();
        // Writable by the unprivileged user too, so only the port can be what refuses the start.
        File.SetUnixFileMode(folder.Path, (UnixFileMode)0b111_111_111);
        var newStore = folder.File("r.db");
        string[] wrapper = asRoot ? [Setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"] : [];
        var result = await VersusProcess.RunThroughAsync(Timeout, wrapper, new Dictionary<string, string> { ["HOME"] = Path.GetTempPath() },
            "serve", "--port", Privileged.ToString(CultureInfo.InvariantCulture), "--db", newStore);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"error: --port {Privileged} cannot be used (", result.Stderr.Trim(), StringComparison.Ordinal);
        Assert.Single(result.Stderr.Trim().Split('\n'));
        Assert.False(File.Exists(newStore), "a start refused for its port creates no store");
    }

    /// <summary>The first folder on the way to <paramref name="path"/> that other users may not enter, or null.</summary>
    private static string? ClosedToOthers(string path)
    {
        for (var folder = new DirectoryInfo(path); folder is not null; folder = folder.Parent)
        {
            if (!folder.UnixFileMode.HasFlag(UnixFileMode.OtherExecute)) return folder.FullName;
        }
        return null;
    }

    [Fact]
    public async Task Should_ExitTwoWithOneLine_When_StoreCannotBeOpened()
    {
        using var folder = new TempDirectory();
        var notSqlite = folder.File("notes.db");
        await File.WriteAllTextAsync(notSqlite, "these are notes, not a database; long enough to have a header page of text in it.........");
        var result = await VersusProcess.RunAsync(Timeout, "serve", "--port", FreePort().ToString(CultureInfo.InvariantCulture), "--db", notSqlite);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"error: '{notSqlite}'", result.Stderr.Trim(), StringComparison.Ordinal);
        Assert.Single(result.Stderr.Trim().Split('\n'));
    }

    /// <summary>A port free a moment ago: the store check comes after the bind, so the bind must succeed.</summary>
    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
