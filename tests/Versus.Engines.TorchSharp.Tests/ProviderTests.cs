using Versus.Core.Engines;

namespace Versus.Engines.TorchSharp.Tests;

public sealed class ProviderTests
{
    [Fact]
    public async Task Should_ReportUsableWithVersions_When_TorchSharpLoads()
    {
        var availability = await new TorchSharpEngineProvider().CheckAvailabilityAsync(CancellationToken.None);

        Assert.True(availability.IsUsable, $"{availability.Summary} / {availability.Fix}");
        Assert.Contains("TorchSharp 0.107.0", availability.Summary, StringComparison.Ordinal);
        Assert.Contains("libtorch", availability.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_AppendTheWorkerArguments_When_BuildingTheLaunch()
    {
        var self = new WorkerLaunch("/usr/bin/dotnet", ["/opt/versus/versus.dll"], new Dictionary<string, string> { ["DOTNET_gcServer"] = "0" });

        var launch = new TorchSharpEngineProvider().CreateWorkerLaunch(new WorkerLaunchContext(self));

        Assert.Equal("/usr/bin/dotnet", launch.FileName);
        Assert.Equal(["/opt/versus/versus.dll", "worker", "--engine", "torchsharp"], launch.Arguments);
        Assert.Same(self.Environment, launch.Environment);
    }

    [Fact]
    public void Should_OfferTrainInferAndMatmulPeak_When_Asked()
    {
        var provider = new TorchSharpEngineProvider();

        Assert.Equal("torchsharp", provider.Id);
        Assert.Equal(EngineCapabilities.Train | EngineCapabilities.Infer | EngineCapabilities.MatmulPeak, provider.Capabilities);
    }
}
