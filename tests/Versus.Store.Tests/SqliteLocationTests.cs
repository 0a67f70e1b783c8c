using System.Runtime.Versioning;
using Xunit;

namespace Versus.Store.Tests;

public sealed class SqliteLocationTests : IDisposable
{
    private static readonly string LocalData = Path.Combine(Path.GetTempPath(), "home", ".local", "share");

    private readonly TempFolder folder = new();

    [Fact]
    public async Task Should_CreateFolders_When_ParentsMissing()
    {
        var path = folder.File("a", "b", "results.db");

        await using var store = await SqliteResultStore.OpenAsync(path);

        Assert.True(File.Exists(path));
        Assert.Equal(path, store.Location);
    }

    [Fact]
    public async Task Should_NamePathAndDbOption_When_PathUnwritable()
    {
        // A regular file where a folder should be: unwritable for every user, root included.
        File.WriteAllText(folder.File("blocker"), "not a folder");
        var path = folder.File("blocker", "results.db");

        var ex = await Assert.ThrowsAsync<StoreException>(() => SqliteResultStore.OpenAsync(path));

        Assert.StartsWith($"Cannot write the results database '{path}': ", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith("Use --db with a writable path.", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [SkippableFact]
    [UnsupportedOSPlatform("windows")] // Unix permissions; Windows read-only files are another mechanism.
    public async Task Should_NamePathAndDbOption_When_FileReadOnly()
    {
        var path = folder.File("results.db");
        await (await SqliteResultStore.OpenAsync(path)).DisposeAsync();
        File.SetUnixFileMode(path, UnixFileMode.UserRead);
        Skip.If(CanOpenForWriting(path), "this user (root?) can write a read-only file");

        var ex = await Assert.ThrowsAsync<StoreException>(() => SqliteResultStore.OpenAsync(path));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.EndsWith("Use --db with a writable path.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Refuse_When_FileIsNotSqlite()
    {
        var path = folder.File("notes.txt");
        await File.WriteAllTextAsync(path, new string('x', 4096));

        var ex = await Assert.ThrowsAsync<StoreException>(() => SqliteResultStore.OpenAsync(path));

        Assert.Equal($"'{path}' is not a Versus results database (not SQLite). Use --db with another path.", ex.Message);
    }

    [Fact]
    public void Should_UseXdgDataHome_When_SetToAbsolutePath()
    {
        var xdg = Path.Combine(Path.GetTempPath(), "xdg");

        Assert.Equal(Path.Combine(xdg, "versus", "results.db"), Sqlite.StoreLocation.DefaultPath(xdg, LocalData));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("relative/data")]
    public void Should_UseLocalApplicationData_When_XdgDataHomeUnsetOrRelative(string? xdg)
    {
        Assert.Equal(Path.Combine(LocalData, "versus", "results.db"), Sqlite.StoreLocation.DefaultPath(xdg, LocalData));
    }

    [Fact]
    public void Should_AskForDbOption_When_NoDataFolderExists()
    {
        var ex = Assert.Throws<StoreException>(() => Sqlite.StoreLocation.DefaultPath(null, ""));

        Assert.Contains("--db", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_EndInVersusResultsDb_When_DefaultPathAsked()
    {
        var path = SqliteResultStore.DefaultPath();

        Assert.True(Path.IsPathFullyQualified(path));
        Assert.EndsWith(Path.Combine("versus", "results.db"), path, StringComparison.Ordinal);
    }

    public void Dispose() => folder.Dispose();

    private static bool CanOpenForWriting(string path)
    {
        try
        {
            using var stream = File.Open(path, FileMode.Open, FileAccess.ReadWrite);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
