namespace Versus.Cli.Tests;

public static class RepoPaths
{
    public static string Root { get; } = Find();

    public static string SchemaFile => Path.Combine(Root, "docs", "results.schema.json");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Versus.sln"))) return dir.FullName;
        throw new InvalidOperationException("Run the tests from inside the repository.");
    }
}
