using Spectre.Console;
using Versus.Core.Validation;

namespace Versus.Cli.Console;

/// <summary>User mistakes as single lines on stderr: what is wrong, where, and what would fix it. Never a stack trace.</summary>
public static class ErrorLine
{
    public static string Format(ValidationError e) =>
        e.Source.StartsWith("--", StringComparison.Ordinal)
            ? (e.Location.Length == 0 ? $"{e.Source} {e.Message}" : $"{e.Source} '{e.Location}' {e.Message}")
            : e.ToString();

    public static int Print(IEnumerable<ValidationError> errors)
    {
        foreach (var e in errors) Print(Format(e));
        return ExitCodes.BadInput;
    }

    public static void Print(string message) =>
        System.Console.Error.WriteLine($"error: {OneLine(message)}");

    // Messages quote what the user typed (a run id, a path): a newline there would split the error or forge another,
    // an escape sequence would restyle the terminal. Control characters are shown escaped instead.
    private static string OneLine(string message) =>
        message.Any(char.IsControl) ? string.Concat(message.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString())) : message;
}
