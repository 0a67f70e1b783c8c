namespace Versus.Cli.Tests;

/// <summary>
/// One real "versus run --quick" of the default suite (TorchSharp, TensorFlow.js, ONNX Runtime, then the deployment
/// probes), shared by the end-to-end tests: about 5.5 minutes on an idle 2-core machine; the limit leaves room for a busy one.
/// </summary>
public sealed class QuickRunFixture : IAsyncLifetime
{
    private readonly TempDirectory temp = new();

    public string OutDirectory => temp.File("out");

    public string Database => temp.File("results.db");

    public VersusProcess.Result Result { get; private set; } = new(-1, "", "");

    public async Task InitializeAsync() =>
        Result = await VersusProcess.RunAsync(TimeSpan.FromMinutes(15), "run", "--quick", "--out", OutDirectory, "--db", Database);

    public Task DisposeAsync()
    {
        temp.Dispose();
        return Task.CompletedTask;
    }
}
