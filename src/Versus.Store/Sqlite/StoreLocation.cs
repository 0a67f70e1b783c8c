namespace Versus.Store.Sqlite;

/// <summary>Where the store lives when the user gives no --db: the per-user data folder, as XDG asks on Linux.</summary>
internal static class StoreLocation
{
    public static string DefaultPath() =>
        DefaultPath(Environment.GetEnvironmentVariable("XDG_DATA_HOME"), Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData));

    public static string DefaultPath(string? xdgDataHome, string localApplicationData)
    {
        // The XDG spec says to ignore a relative XDG_DATA_HOME; .NET already maps LocalApplicationData to it on Linux,
        // reading it here as well keeps the rule the same on macOS and Windows for users who set it.
        var root = !string.IsNullOrEmpty(xdgDataHome) && Path.IsPathFullyQualified(xdgDataHome) ? xdgDataHome : localApplicationData;
        if (string.IsNullOrEmpty(root))
        {
            throw new StoreException("There is no user data folder to keep results in (HOME is not set). Use --db with a writable path.");
        }

        return Path.Combine(root, "versus", "results.db");
    }
}
