using System.Text;

namespace Versus.Core.Protocol;

/// <summary>
/// The end of a child process's stderr, kept bounded while the child runs (lines arrive on another thread): the part a
/// failure reason quotes. Shared by the measurement workers' channel and the deployment worker's runner.
/// </summary>
public sealed class StderrTail(int chars)
{
    private readonly StringBuilder text = new();

    public void Append(string? line)
    {
        if (line is null) return;
        lock (text)
        {
            text.AppendLine(line);
            if (text.Length > 4 * chars) text.Remove(0, text.Length - chars);
        }
    }

    /// <summary>The last characters written, trimmed, lines joined by " | "; empty when nothing was written.</summary>
    public override string ToString()
    {
        lock (text)
        {
            var tail = text.ToString().Trim();
            if (tail.Length > chars) tail = tail[^chars..];
            return tail.ReplaceLineEndings(" | ");
        }
    }
}
