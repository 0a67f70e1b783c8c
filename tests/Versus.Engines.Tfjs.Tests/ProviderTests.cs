using Versus.Core.Engines;
using Versus.Core.Protocol;

namespace Versus.Engines.Tfjs.Tests;

/// <summary>The provider as the parent sees it: ids, capabilities, availability, the worker command and what hello reports.</summary>
public sealed class ProviderTests
{
    [Fact]
    public void Should_OfferOneEnginePerBackend_When_Listed()
    {
        var engines = TfjsEngineProvider.All.ToDictionary(e => e.Id);

        Assert.Equal(["tfjs", "tfjs:tensorflow", "tfjs:cpu", "tfjs:wasm", "tfjs:webgl", "tfjs:webgpu"], engines.Keys);
        const EngineCapabilities all = EngineCapabilities.Train | EngineCapabilities.Infer | EngineCapabilities.MatmulPeak;
        Assert.Equal(all, engines[TfjsEngineProvider.EngineId].Capabilities);
        Assert.Equal(all, engines["tfjs:webgl"].Capabilities);
        // The wasm backend has no Conv2DBackpropFilter kernel: it cannot train a convolution.
        Assert.Equal(EngineCapabilities.Infer | EngineCapabilities.MatmulPeak, engines["tfjs:wasm"].Capabilities);
    }

    [Fact]
    public void Should_RefuseAnUnknownBackend_When_LookedUpById()
    {
        var error = Assert.Throws<ArgumentException>(() => TfjsEngineProvider.For("tfjs:cuda"));

        Assert.Contains("'tfjs:cuda' is not a TensorFlow.js engine; known: tfjs, tfjs:tensorflow", error.Message);
    }

    [Fact]
    public void Should_JoinTheDefaultRun_When_ItIsTheAutoBackend()
    {
        Assert.True(new TfjsEngineProvider().IncludedByDefault);
        // One TensorFlow in the default run: the fixed-backend ids would repeat its figures.
        Assert.All(TfjsEngineProvider.All.Where(p => p.Id != TfjsEngineProvider.EngineId), p => Assert.False(p.IncludedByDefault));
    }

    [SkippableFact]
    public async Task Should_StayUsableAndSayWhatIsMissing_When_AutoHasNoChromium()
    {
        TfjsTestEnvironment.RequireEngine();
        Skip.If(Directory.Exists(Path.Combine(TfjsTestEnvironment.WorkerFolder, "node_modules", "@tensorflow", "tfjs-node")),
            "@tensorflow/tfjs-node is installed here, so 'tfjs' needs no Chromium");
        var saved = Environment.GetEnvironmentVariable(ChromiumBrowser.ExecutableVariable);
        Environment.SetEnvironmentVariable(ChromiumBrowser.ExecutableVariable, "/nonexistent/chromium");
        try
        {
            var availability = await new TfjsEngineProvider().CheckAvailabilityAsync(CancellationToken.None);

            Assert.True(availability.IsUsable);
            Assert.Equal(TfjsEngineProvider.NoChromiumShortfall, availability.Shortfall);
            Assert.Contains("fix: sudo apt-get install chromium", availability.Shortfall);
        }
        finally
        {
            Environment.SetEnvironmentVariable(ChromiumBrowser.ExecutableVariable, saved);
        }
    }

    [SkippableFact]
    public async Task Should_HaveNoShortfall_When_ChromiumIsInstalled()
    {
        TfjsTestEnvironment.RequireEngine("tfjs:webgl");

        var availability = await new TfjsEngineProvider().CheckAvailabilityAsync(CancellationToken.None);

        Assert.True(availability.IsUsable);
        Assert.Null(availability.Shortfall);
    }

    [Theory]
    [InlineData("tfjs:wasm", "node", "wasm")]
    [InlineData("tfjs", "auto", "auto")]
    [InlineData("tfjs:cpu", "node", "cpu")]
    [InlineData("tfjs:webgl", "chromium", "webgl")]
    [InlineData("tfjs:webgpu", "chromium", "webgpu")]
    public void Should_LaunchNodeWithTheHostAndBackend_When_CreatingTheWorkerCommand(string id, string host, string backend)
    {
        var launch = TfjsEngineProvider.For(id).CreateWorkerLaunch(new WorkerLaunchContext(new WorkerLaunch("versus", ["worker"])));

        Assert.Equal("node", launch.FileName);
        Assert.EndsWith("worker.js", launch.Arguments[0]);
        Assert.True(File.Exists(launch.Arguments[0]), $"{launch.Arguments[0]} was not copied to the build output");
        Assert.Equal(["--id", id, "--host", host, "--backend", backend], launch.Arguments.Skip(1));
    }

    [SkippableFact]
    public async Task Should_SayHowToInstallIt_When_TheNativeBackendIsNamedButMissing()
    {
        TfjsTestEnvironment.RequireEngine();
        Skip.If(Directory.Exists(Path.Combine(TfjsTestEnvironment.WorkerFolder, "node_modules", "@tensorflow", "tfjs-node")), "@tensorflow/tfjs-node is installed here");

        var availability = await TfjsEngineProvider.For("tfjs:tensorflow").CheckAvailabilityAsync(CancellationToken.None);

        Assert.False(availability.IsUsable);
        Assert.StartsWith("@tensorflow/tfjs-node is not installed", availability.Summary);
        Assert.Contains("npm install @tensorflow/tfjs-node@4.22.0", availability.Fix);
    }

    [SkippableFact]
    public async Task Should_SayWhyAndHowToFix_When_ChromiumIsMissing()
    {
        TfjsTestEnvironment.RequireEngine();
        var saved = Environment.GetEnvironmentVariable(ChromiumBrowser.ExecutableVariable);
        Environment.SetEnvironmentVariable(ChromiumBrowser.ExecutableVariable, "/nonexistent/chromium");
        try
        {
            var availability = await TfjsEngineProvider.For("tfjs:webgl").CheckAvailabilityAsync(CancellationToken.None);

            Assert.False(availability.IsUsable);
            Assert.StartsWith("Chromium is not installed", availability.Summary);
            Assert.Contains("apt-get install chromium", availability.Fix);
        }
        finally
        {
            Environment.SetEnvironmentVariable(ChromiumBrowser.ExecutableVariable, saved);
        }
    }

    [SkippableFact]
    public void Should_NameNodeAndTheBackend_When_Available()
    {
        TfjsTestEnvironment.RequireEngine();
        var availability = TfjsTestEnvironment.CheckedAvailability();

        Assert.Matches(@"^TensorFlow\.js \d+\.\d+\.\d+ on Node v\d+\.\d+\.\d+, backend ", availability.Summary);
    }

    [Theory]
    [InlineData("v20.20.2", "20.20.2")]
    [InlineData("v18.0.0\n", "18.0.0")]
    [InlineData("v22.1", "22.1.0")]
    public void Should_ReadNodesVersion_When_GivenItsOutput(string text, string expected)
    {
        Assert.Equal(Version.Parse(expected), NodeRuntime.ParseVersion(text.Trim()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("node")]
    [InlineData("vX.1.2")]
    public void Should_RefuseTheVersion_When_ItIsNotNodes(string text)
    {
        Assert.Null(NodeRuntime.ParseVersion(text));
    }

    [SkippableTheory]
    [InlineData("tfjs:cpu", "cpu", "Node v")]
    [InlineData("tfjs:wasm", "wasm", "Node v")]
    [InlineData("tfjs:webgl", "webgl", "Chromium ")]
    [InlineData("tfjs:webgpu", "webgpu", "Chromium ")]
    public async Task Should_ReportTheBackendActuallyUsed_When_SayingHello(string id, string backend, string host)
    {
        TfjsTestEnvironment.RequireEngine(id);
        await using var worker = TfjsWorker.Start(TfjsEngineProvider.For(id));

        var hello = await worker.HelloAsync();

        Assert.Equal(ProtocolEnvelope.Version, hello.Protocol);
        Assert.Equal(id, hello.Engine.Id);
        Assert.Equal(backend, hello.Engine.Backend);
        Assert.StartsWith(host, hello.Engine.Host);
        // A browser backend says which GPU (or software rasteriser) it ran on, so no figure stands without it.
        if (backend == "webgl") Assert.False(string.IsNullOrWhiteSpace(hello.Engine.Details["webglRenderer"]));
        if (backend == "webgpu") Assert.False(string.IsNullOrWhiteSpace(hello.Engine.Details["webgpuAdapter"]));
        // Read from a tensor the backend made (WebGL adds a note when it can only render 16-bit float textures).
        Assert.StartsWith("float32", hello.Engine.Details["dtype"]);
        Assert.StartsWith("TensorFlow.js ", hello.Engine.Version);
        Assert.Matches(@"^TensorFlow\.js \d+\.\d+ \(Keras layers API\)$", hello.Engine.Framework);
        Assert.False(string.IsNullOrWhiteSpace(EngineDevice.DescriptionOf(hello.Engine)));
        Assert.NotNull(EngineDevice.KindOf(hello.Engine));
        Assert.True(hello.EngineLoadMs > 0);
        Assert.True(worker.Channel.LastPeakRssBytes > 10_000_000, $"peak RSS {worker.Channel.LastPeakRssBytes} is not a Node process's");
    }

    [SkippableTheory]
    [InlineData("tfjs:cpu")]
    [InlineData("tfjs:wasm")]
    public async Task Should_NameTheCpuAsTheDevice_When_TheBackendRunsOnTheCpu(string id)
    {
        TfjsTestEnvironment.RequireEngine(id);
        await using var worker = TfjsWorker.Start(TfjsEngineProvider.For(id));

        var hello = await worker.HelloAsync();

        Assert.Equal(DeviceKind.Cpu, EngineDevice.KindOf(hello.Engine));
        Assert.StartsWith("CPU: ", EngineDevice.DescriptionOf(hello.Engine));
    }

    /// <summary>This machine has no GPU: webgl runs on Mesa's llvmpipe (or SwiftShader), and its figures must say so.</summary>
    [SkippableFact]
    public async Task Should_SayItIsASoftwareRenderer_When_WebglRunsWithoutAGpu()
    {
        TfjsTestEnvironment.RequireEngine("tfjs:webgl");
        await using var worker = TfjsWorker.Start(TfjsEngineProvider.For("tfjs:webgl"));

        var hello = await worker.HelloAsync();

        var renderer = hello.Engine.Details["webglRenderer"];
        Skip.IfNot(System.Text.RegularExpressions.Regex.IsMatch(renderer, "llvmpipe|swiftshader|softpipe|lavapipe",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase), $"WebGL runs on a GPU here ({renderer})");
        Assert.Equal(DeviceKind.SoftwareGpu, EngineDevice.KindOf(hello.Engine));
        Assert.EndsWith(", a software renderer", EngineDevice.DescriptionOf(hello.Engine));
    }

    [SkippableTheory]
    [InlineData("ANGLE (Mesa, llvmpipe (LLVM 15.0.6, 256 bits), OpenGL 4.5)", "llvmpipe (LLVM 15.0.6, 256 bits), a software renderer", "software-gpu")]
    [InlineData("ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)", "SwiftShader, a software renderer", "software-gpu")]
    [InlineData("softpipe", "softpipe, a software renderer", "software-gpu")]
    [InlineData("ANGLE (NVIDIA Corporation, NVIDIA GeForce RTX 3080/PCIe/SSE2, OpenGL 4.5.0)", "NVIDIA GeForce RTX 3080/PCIe/SSE2", "gpu")]
    [InlineData("Apple M2", "Apple M2", "gpu")]
    public async Task Should_TellASoftwareRendererFromAGpu_When_ReadingTheRendererString(string renderer, string device, string kind)
    {
        TfjsTestEnvironment.RequireEngine();

        var output = await NodeScript.RunAsync(
            $"const d = require('./lib/device').rendererDevice({System.Text.Json.JsonSerializer.Serialize(renderer)}); console.log(d.device + '|' + d.deviceKind);");

        Assert.Equal($"{device}|{kind}", output);
    }

    [SkippableFact]
    public async Task Should_PickWebglInChromiumAndSayWhy_When_AutoHasNoNativeBackend()
    {
        TfjsTestEnvironment.RequireEngine("tfjs:webgl");
        Skip.If(Directory.Exists(Path.Combine(TfjsTestEnvironment.WorkerFolder, "node_modules", "@tensorflow", "tfjs-node")),
            "@tensorflow/tfjs-node is installed here, so 'tfjs' uses the tensorflow backend");
        await using var worker = TfjsWorker.Start(new TfjsEngineProvider());

        var hello = await worker.HelloAsync();

        Assert.Equal("tfjs", hello.Engine.Id);
        Assert.Equal("webgl", hello.Engine.Backend);
        Assert.StartsWith("Chromium ", hello.Engine.Host);
        Assert.StartsWith("webgl in Chromium: @tensorflow/tfjs-node does not load", hello.Engine.Details["autoChoice"]);
    }

    [SkippableFact]
    public async Task Should_FallBackToCpuInNodeAndSayWhy_When_AutoCannotStartChromium()
    {
        TfjsTestEnvironment.RequireEngine();
        var launch = new TfjsEngineProvider().CreateWorkerLaunch(new WorkerLaunchContext(new WorkerLaunch("unused", [])))
            with { Environment = new Dictionary<string, string> { [ChromiumBrowser.ExecutableVariable] = "/bin/false" } };
        await using var channel = WorkerChannel.Start(launch);

        var hello = await channel.SendAsync<HelloResult>(Ops.Hello, new HelloArgs(1), TimeSpan.FromSeconds(120), CancellationToken.None);

        Assert.Equal("cpu", hello.Engine.Backend);
        Assert.StartsWith("Node v", hello.Engine.Host);
        Assert.Contains("webgl in Chromium did not start", hello.Engine.Details["autoChoice"]);
    }

    [SkippableFact]
    public async Task Should_AnswerWithTheEnginesError_When_TheWeightFileLacksATensor()
    {
        TfjsTestEnvironment.RequireEngine();
        var spec = TestSpecs.Inline(TrainingSpecs.SgdFlatten);
        var other = TestSpecs.Inline(TrainingSpecs.AdamResidual);
        var (_, wrongWeights) = TfjsTestEnvironment.Weights(other);
        await using var worker = TfjsWorker.Start(TfjsEngineProvider.For("tfjs:cpu"));
        await worker.HelloAsync();

        var fault = await Assert.ThrowsAsync<WorkerFaultException>(() => worker.Channel.SendAsync<PrepareResult>(Ops.Prepare,
            new PrepareArgs(Versus.Core.Models.ModelSpecWriter.ToJson(spec), wrongWeights, TfjsTestEnvironment.Generated(16, 8)), TimeSpan.FromSeconds(60), CancellationToken.None));

        Assert.Contains("has no tensor 'layers.0.weight'", fault.Message);
    }
}
