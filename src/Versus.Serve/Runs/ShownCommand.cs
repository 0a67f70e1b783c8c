using Versus.Store;

namespace Versus.Serve.Runs;

/// <summary>
/// The child's command line as a page shows it: the store's address through <see cref="ResultStores.Describe"/>, so a
/// PostgreSQL password in --db never reaches the page, and arguments with spaces quoted.
/// </summary>
internal static class ShownCommand
{
    public static string Of(IReadOnlyList<string> arguments) => string.Join(' ', arguments.Select((a, i) =>
        Quote(i > 0 && arguments[i - 1] == "--db" ? ResultStores.Describe(a) : a)));

    private static string Quote(string argument) => argument.Contains(' ', StringComparison.Ordinal) ? $"'{argument}'" : argument;
}
