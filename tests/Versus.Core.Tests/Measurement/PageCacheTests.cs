using Versus.Core.Measurement;

namespace Versus.Core.Tests.Measurement;

/// <summary>
/// The page-cache state cold start records per trial, on real files: a file just written or read is cached, a dropped
/// one is not, and tmpfs (which keeps its pages in memory whatever is asked) is reported as still cached.
/// </summary>
public sealed class PageCacheTests : IDisposable
{
    private const int Size = 4 << 20;
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [SkippableFact]
    public void Should_ReportTheFileUncached_When_ItWasEvicted()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "the page cache is read with Linux's mincore");
        var path = Written(temp.File("weights.bin"));
        _ = File.ReadAllBytes(path);
        Assert.Equal(1.0, PageCache.ResidentFraction(path));

        var after = PageCache.Evict(path);

        Assert.Equal(0.0, after);
        Assert.Equal(0.0, PageCache.ResidentFraction(path));
    }

    [SkippableFact]
    public void Should_ReportTheFileCachedAgain_When_ItIsReadAfterEviction()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "the page cache is read with Linux's mincore");
        var path = Written(temp.File("weights.bin"));
        Assert.Equal(0.0, PageCache.Evict(path));

        _ = File.ReadAllBytes(path);

        Assert.Equal(1.0, PageCache.ResidentFraction(path));
    }

    [SkippableFact]
    public void Should_ReportThePagesStillCached_When_TheFileSystemCannotDropThem()
    {
        Skip.IfNot(OperatingSystem.IsLinux() && Directory.Exists("/dev/shm"), "needs Linux's tmpfs at /dev/shm");
        var path = Written($"/dev/shm/versus-page-cache-test-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            Assert.Equal(1.0, PageCache.Evict(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Written(string path)
    {
        var bytes = new byte[Size];
        new Random(3).NextBytes(bytes);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
