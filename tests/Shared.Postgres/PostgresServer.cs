using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using Xunit;

namespace Versus.Testing;

/// <summary>
/// A real PostgreSQL server of the tests' own: initdb into a temporary folder, started on 127.0.0.1 on a free port with
/// its socket in that folder, stopped and deleted at the end. As root it runs as the 'postgres' user (initdb refuses
/// root). Where PostgreSQL is not installed or will not start, <see cref="Problem"/> says why and the tests skip.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    /// <summary>The role the stores connect as: not a superuser, owner of each test database, as on a team's server.</summary>
    public const string User = "versus";

    private const string Admin = "versus_admin";
    private static readonly TimeSpan CommandLimit = TimeSpan.FromSeconds(120);

    private string? root;
    private string? bin;
    private bool asPostgresUser;
    private int databases;

    /// <summary>Why there is no server (the skip reason), or null when it runs.</summary>
    public string? Problem { get; private set; }

    public int Port { get; private set; }

    /// <summary>The password of <see cref="User"/>, new for each server, so a test can look for it in output.</summary>
    public string Password { get; } = $"pw-{Guid.NewGuid():N}";

    /// <summary>How long initdb and the start took, for the record.</summary>
    public TimeSpan StartTime { get; private set; }

    private string AdminPassword { get; } = $"admin-{Guid.NewGuid():N}";

    private string AdminConnectionString =>
        $"Host=127.0.0.1;Port={Port};Username={Admin};Password={AdminPassword};Database=postgres;Pooling=false";

    public async Task InitializeAsync()
    {
        var clock = Stopwatch.StartNew();
        try
        {
            Problem = await StartAsync();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NpgsqlException or System.ComponentModel.Win32Exception)
        {
            Problem = $"the test PostgreSQL server could not be started: {ex.Message}";
        }

        StartTime = clock.Elapsed;
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (root is null) return;
        if (bin is not null && File.Exists(Path.Combine(root, "data", "postmaster.pid")))
        {
            // As the user that started it: pg_ctl refuses root too.
            var stop = await RunAsServerAsync(Path.Combine(bin, "pg_ctl"), "-D", Path.Combine(root, "data"), "-m", "immediate", "-w", "stop");
            if (!stop.Ok) throw new InvalidOperationException($"the test PostgreSQL server in {root} did not stop: {stop.Output}");
        }

        try { Directory.Delete(root, recursive: true); } catch (IOException) { }
    }

    /// <summary>Skips the calling [SkippableFact] with the reason when there is no server.</summary>
    public void SkipIfAbsent() => Skip.If(Problem is not null, Problem);

    /// <summary>A new, empty database owned by <see cref="User"/>; its postgres:// URL with the password.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        SkipIfAbsent();
        var name = $"versus_test_{Interlocked.Increment(ref databases)}";
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name} OWNER {User}", connection);
        await command.ExecuteNonQueryAsync();
        return Url(name);
    }

    public string Url(string database, string? password = null) =>
        $"postgres://{User}:{Uri.EscapeDataString(password ?? Password)}@127.0.0.1:{Port}/{database}";

    /// <summary>A connection of the test's own to a database, as the admin: checks what is really stored.</summary>
    public NpgsqlConnection OpenAdmin(string database)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database }.ConnectionString);
        connection.Open();
        return connection;
    }

    private async Task<string?> StartAsync()
    {
        bin = FindBinaries();
        if (bin is null)
        {
            return "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb); run scripts/install-test-deps.sh";
        }

        asPostgresUser = Environment.IsPrivilegedProcess;
        if (asPostgresUser && !(await RunAsync("id", "-u", "postgres")).Ok)
        {
            return "running as root and there is no 'postgres' user to run PostgreSQL as (initdb refuses root)";
        }

        root = Directory.CreateTempSubdirectory("versus-pg-").FullName;
        var data = Path.Combine(root, "data");
        var passwordFile = Path.Combine(root, "admin-password");
        await File.WriteAllTextAsync(passwordFile, AdminPassword);
        if (asPostgresUser)
        {
            var chown = await RunAsync("chown", "-R", "postgres:postgres", root);
            if (!chown.Ok) return $"cannot hand {root} to the postgres user: {chown.Output}";
        }

        var init = await RunAsServerAsync(Path.Combine(bin, "initdb"), "-D", data, "-U", Admin, $"--pwfile={passwordFile}",
            "--auth=scram-sha-256", "--encoding=UTF8", "--no-locale", "--no-sync");
        if (!init.Ok) return $"initdb failed: {init.Output}";

        string lastFailure = "";
        for (var attempt = 0; attempt < 3; attempt++)
        {
            // A port free a moment ago may be taken by the time the server binds it: try another.
            Port = FreePort();
            var start = await RunAsServerAsync(Path.Combine(bin, "pg_ctl"), "-D", data, "-l", Path.Combine(root, "server.log"), "-w", "-t", "60",
                "-o", $"-h 127.0.0.1 -p {Port} -k {root} -F -c max_connections=60", "start");
            if (start.Ok)
            {
                await CreateUserAsync();
                return null;
            }

            lastFailure = start.Output + ReadLog(root);
        }

        return $"pg_ctl start failed: {lastFailure}";
    }

    private async Task CreateUserAsync()
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE ROLE {User} LOGIN PASSWORD '{Password}'", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string? FindBinaries()
    {
        const string installed = "/usr/lib/postgresql";
        if (!Directory.Exists(installed)) return null;
        return Directory.GetDirectories(installed)
            .Select(d => Path.Combine(d, "bin"))
            .Where(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")))
            .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0)
            .FirstOrDefault();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string ReadLog(string folder)
    {
        var log = Path.Combine(folder, "server.log");
        return File.Exists(log) ? " " + string.Join(" ", File.ReadLines(log).TakeLast(5)) : "";
    }

    private Task<(bool Ok, string Output)> RunAsServerAsync(string program, params string[] args) =>
        asPostgresUser ? RunAsync("runuser", ["-u", "postgres", "--", program, .. args]) : RunAsync(program, args);

    private static async Task<(bool Ok, string Output)> RunAsync(string program, params string[] args)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(CommandLimit);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (false, $"{Path.GetFileName(program)} did not finish within {CommandLimit.TotalSeconds} s");
        }

        var output = string.Join(" ", (await stdout + await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return (process.ExitCode == 0, output);
    }
}
