namespace Versus.Testing;

/// <summary>The repository's folders, found by walking up from the test's output directory to Versus.sln.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Workloads => Path.Combine(Root, "workloads");

    public static string SchemaFile => Path.Combine(Root, "docs", "results.schema.json");

    public static string Workload(string id) => Path.Combine(Workloads, id + ".json");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Versus.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Run the tests from inside the repository.");
    }
}
