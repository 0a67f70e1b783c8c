using Versus.Core.IO;

namespace Versus.Core.Tests.IO;

public sealed class DurableFileTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Should_ReplaceTheFileWholeAndLeaveNoTemporary_When_TheWriteSucceeds()
    {
        var path = temp.File("results.json");
        File.WriteAllText(path, "old");

        DurableFile.WriteAllText(path, "new é");

        Assert.Equal("new é"u8.ToArray(), File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void Should_KeepTheOldFileAndLeaveNoTemporary_When_TheWriteFailsHalfway()
    {
        var path = temp.File("weights.safetensors");
        File.WriteAllText(path, "old");

        Assert.Throws<IOException>(() => DurableFile.Write(path, file =>
        {
            file.Write("half"u8);
            throw new IOException("disk full");
        }));

        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void Should_MoveAnotherProcesssFileIntoPlace_When_ItIsComplete()
    {
        var partial = temp.File("state.safetensors.partial");
        File.WriteAllText(partial, "trained");

        DurableFile.MoveIntoPlace(partial, temp.File("state.safetensors"));

        Assert.Equal("trained", File.ReadAllText(temp.File("state.safetensors")));
        Assert.False(File.Exists(partial));
    }
}
