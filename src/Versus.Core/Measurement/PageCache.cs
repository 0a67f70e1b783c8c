using System.Runtime.InteropServices;

namespace Versus.Core.Measurement;

/// <summary>
/// The operating system's page cache for one file, on Linux: how much of it is resident (mincore on a read-only
/// mapping) and a request to drop it (fsync, then posix_fadvise DONTNEED), which needs no root. A file system that
/// keeps its pages regardless (tmpfs) leaves them resident: callers read <see cref="ResidentFraction"/> afterwards and
/// report what is true, not what was asked for. Elsewhere both answer null: not known.
/// </summary>
public static class PageCache
{
    private const int PosixFadvDontNeed = 4;
    private const int ProtRead = 1;
    private const int MapShared = 1;
    private static readonly nint MapFailed = -1;

    /// <summary>Share of the file's pages in the page cache (0 to 1), or null where it cannot be read.</summary>
    public static double? ResidentFraction(string path)
    {
        if (!OperatingSystem.IsLinux()) return null;
        try
        {
            using var handle = File.OpenHandle(path);
            var length = RandomAccess.GetLength(handle);
            if (length == 0) return 1;
            var fd = (int)handle.DangerousGetHandle();
            var address = mmap(0, (nuint)length, ProtRead, MapShared, fd, 0);
            if (address == MapFailed) return null;
            try
            {
                var pageSize = Environment.SystemPageSize;
                var pages = new byte[(length + pageSize - 1) / pageSize];
                if (mincore(address, (nuint)length, pages) != 0) return null;
                // Bit 0 of each entry says whether that page is resident; the others are reserved.
                return (double)pages.Count(p => (p & 1) != 0) / pages.Length;
            }
            finally
            {
                _ = munmap(address, (nuint)length);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// Asks the kernel to drop the file's cached pages; dirty pages cannot be dropped, so they are written first.
    /// Returns the resident share afterwards, which is the fact to record.
    /// </summary>
    public static double? Evict(string path)
    {
        if (!OperatingSystem.IsLinux()) return null;
        try
        {
            using var handle = File.OpenHandle(path);
            var fd = (int)handle.DangerousGetHandle();
            _ = fsync(fd);
            _ = posix_fadvise(fd, 0, 0, PosixFadvDontNeed);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
        return ResidentFraction(path);
    }

#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code for four blittable calls.
    [DllImport("libc", SetLastError = true)]
    private static extern nint mmap(nint address, nuint length, int protection, int flags, int fd, long offset);

    [DllImport("libc", SetLastError = true)]
    private static extern int munmap(nint address, nuint length);

    [DllImport("libc", SetLastError = true)]
    private static extern int mincore(nint address, nuint length, [Out] byte[] residency);

    [DllImport("libc", SetLastError = true)]
    private static extern int fsync(int fd);

    [DllImport("libc", SetLastError = true)]
    private static extern int posix_fadvise(int fd, long offset, long length, int advice);
#pragma warning restore SYSLIB1054
}
