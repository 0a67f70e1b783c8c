namespace Versus.Engines.Tfjs.Tests;

/// <summary>When the worker's npm packages count as installed: every pinned dependency present at its version.</summary>
public sealed class WorkerPackagesTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("versus-tfjs-packages-");

    [Fact]
    public void Should_CountAsInstalled_When_EveryDependencyIsPresentAtItsVersion()
    {
        Manifest("""{ "dependencies": { "@tensorflow/tfjs": "4.22.0", "@tensorflow/tfjs-backend-wasm": "4.22.0" } }""");
        Package("@tensorflow/tfjs", "4.22.0");
        Package("@tensorflow/tfjs-backend-wasm", "4.22.0");

        Assert.True(new WorkerPackages(folder.FullName).IsInstalled);
    }

    [Theory]
    [InlineData("4.21.0")]
    [InlineData(null)]
    public void Should_NeedAnInstall_When_ADependencyIsMissingOrAtAnotherVersion(string? installed)
    {
        Manifest("""{ "dependencies": { "@tensorflow/tfjs": "4.22.0", "@tensorflow/tfjs-backend-wasm": "4.22.0" } }""");
        Package("@tensorflow/tfjs", "4.22.0");
        if (installed is not null) Package("@tensorflow/tfjs-backend-wasm", installed);

        Assert.False(new WorkerPackages(folder.FullName).IsInstalled);
    }

    [Fact]
    public void Should_SeeTheNativeBackend_When_TfjsNodeIsInstalled()
    {
        var packages = new WorkerPackages(folder.FullName);
        Assert.False(packages.HasNativeBackend);

        Package("@tensorflow/tfjs-node", "4.22.0");

        Assert.True(packages.HasNativeBackend);
    }

    public void Dispose() => folder.Delete(recursive: true);

    private void Manifest(string json) => File.WriteAllText(Path.Combine(folder.FullName, "package.json"), json);

    private void Package(string name, string version)
    {
        var directory = Directory.CreateDirectory(Path.Combine(folder.FullName, "node_modules", name));
        File.WriteAllText(Path.Combine(directory.FullName, "package.json"), $$"""{ "name": "{{name}}", "version": "{{version}}" }""");
    }
}
