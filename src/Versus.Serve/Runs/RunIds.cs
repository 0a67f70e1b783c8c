using System.Text.RegularExpressions;

namespace Versus.Serve.Runs;

/// <summary>
/// What a run id in a URL may look like before the store is asked: letters, digits, '-' and '_' (ids are
/// "20261202-101500-ab12"). Anything else, a dot or slash above all, is refused unread: no request names a file.
/// </summary>
internal static partial class RunIds
{
    public static bool IsWellFormed(string? id) => id is not null && Pattern().IsMatch(id);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$")]
    private static partial Regex Pattern();
}
