using System.Globalization;
using System.Text.RegularExpressions;

namespace Versus.Serve.Runs;

/// <summary>
/// Reads the plain progress 'versus run' prints when its output is not a terminal (PlainRunProgress): "Run ID: N
/// measurements, ...", "[i/n] label ..." when one starts and "[i/n] label: outcome" when it lands. Any other line is a line.
/// </summary>
internal static partial class ProgressLine
{
    public static (RunEventKind Kind, int? Index, int? Total, string? RunId) Parse(string line)
    {
        if (Header().Match(line) is { Success: true } h)
            return (RunEventKind.Started, 0, Number(h.Groups[2].Value), h.Groups[1].Value);
        if (Step().Match(line) is { Success: true } s)
        {
            var kind = line.EndsWith(" ...", StringComparison.Ordinal) ? RunEventKind.Measuring : RunEventKind.Result;
            return (kind, Number(s.Groups[1].Value), Number(s.Groups[2].Value), null);
        }
        return (RunEventKind.Line, null, null, null);
    }

    private static int Number(string text) => int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^Run ([A-Za-z0-9_-]+): (\d{1,6}) measurements")]
    private static partial Regex Header();

    [GeneratedRegex(@"^\[(\d{1,6})/(\d{1,6})\] ")]
    private static partial Regex Step();
}
