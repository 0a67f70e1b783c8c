using System.Text;

namespace Versus.Core.IO;

/// <summary>
/// Replaces a file whole, so that neither a reader nor a power cut sees half of one: the content goes to a temporary
/// file beside it, is flushed to the disk (fsync), and only then renamed over the old file (rename(2) is atomic).
/// Without the flush, a power cut soon after the rename can leave the name on an empty file: ext4 and XFS may commit
/// the rename before the data. (The rename itself is made durable by the folder's next commit, not here: .NET cannot
/// open a folder to flush it.)
/// </summary>
public static class DurableFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Replaces <paramref name="path"/> with <paramref name="text"/> in UTF-8 without a byte-order mark.</summary>
    public static void WriteAllText(string path, string text) => Write(path, file => file.Write(Utf8.GetBytes(text)));

    /// <summary>
    /// Replaces <paramref name="path"/> with what <paramref name="write"/> writes; the temporary file is
    /// <paramref name="path"/>.tmp unless <paramref name="temporary"/> names another in the same folder, and is deleted
    /// if anything fails, leaving the old file as it was.
    /// </summary>
    public static void Write(string path, Action<FileStream> write, string? temporary = null)
    {
        temporary ??= path + ".tmp";
        try
        {
            using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write))
            {
                write(file);
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>
    /// Puts a complete file that another process wrote (a worker's saved state) in place of <paramref name="path"/>:
    /// flushed to the disk first, whoever wrote it, then renamed.
    /// </summary>
    public static void MoveIntoPlace(string complete, string path)
    {
        using (var file = new FileStream(complete, FileMode.Open, FileAccess.Write))
            file.Flush(flushToDisk: true);
        File.Move(complete, path, overwrite: true);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            // Never created, or it cannot be removed either: the exception being thrown says what matters.
        }
    }
}
