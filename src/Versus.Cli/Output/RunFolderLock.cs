using System.Globalization;
using System.Text;

namespace Versus.Cli.Output;

/// <summary>
/// One writer per run folder: its run.lock, locked for the life of the run that writes there (a new run, a resume, a
/// deployment), with that process's id inside. A second process that would write the same results.json is refused,
/// naming the process. The lock is a POSIX record lock on the file's first byte, which the kernel drops when its
/// process dies however it dies (SIGKILL, the OOM killer), so the run.lock a killed run leaves behind, its pid still
/// inside, is taken over by the next run; a lock taken by opening with FileShare.None would hide the pid from the
/// refused process, since .NET then refuses every other open of the file.
/// </summary>
internal sealed class RunFolderLock : IDisposable
{
    public const string FileName = "run.lock";

    private readonly FileStream file;

    private RunFolderLock(FileStream file) => this.file = file;

    /// <summary>
    /// Locks <paramref name="directory"/> (an existing folder) for this process; null when another process holds it,
    /// with that process's id if it has written it yet.
    /// </summary>
    /// <exception cref="IOException">run.lock cannot be created or opened there.</exception>
    /// <exception cref="UnauthorizedAccessException">run.lock cannot be written there.</exception>
    public static (RunFolderLock? Lock, int? HolderPid) TryAcquire(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (OperatingSystem.IsMacOS()) return TryOpenExclusive(path);
        var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite);
        try
        {
            file.Lock(0, 1);
        }
        catch (IOException)
        {
            var holder = ReadPid(file);
            file.Dispose();
            return (null, holder);
        }
        return (Claim(file), null);
    }

    /// <summary>Empties run.lock (no process writes the folder now) and releases it.</summary>
    public void Dispose()
    {
        try
        {
            file.SetLength(0);
        }
        catch (IOException)
        {
            // The folder went away or the disk filled up: the lock is released all the same when the file closes.
        }
        file.Dispose();
    }

    /// <summary>macOS, where .NET has no record lock: an exclusive open still keeps one writer, but hides the pid.</summary>
    private static (RunFolderLock? Lock, int? HolderPid) TryOpenExclusive(string path)
    {
        try
        {
            return (Claim(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None)), null);
        }
        catch (IOException) when (File.Exists(path))
        {
            return (null, null);
        }
    }

    private static RunFolderLock Claim(FileStream file)
    {
        file.SetLength(0);
        file.Write(Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n"));
        file.Flush();
        return new RunFolderLock(file);
    }

    private static int? ReadPid(FileStream file)
    {
        var buffer = new byte[32];
        file.Position = 0;
        var read = file.Read(buffer);
        return int.TryParse(Encoding.ASCII.GetString(buffer, 0, read).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
    }
}
