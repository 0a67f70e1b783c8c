using Versus.Core.Data;
using Versus.Core.Engines;
using Versus.Core.Models;
using Versus.Core.Weights;
using Versus.Engines.TorchSharp;

namespace Versus.Engines.Tfjs.Tests;

/// <summary>
/// What the tests share: the engine's availability (checked once; the first check installs the npm packages), specs,
/// weight files in a temporary folder, data sources, and the TorchSharp reference engine.
/// </summary>
internal static class TfjsTestEnvironment
{
    public const uint DataSeed = 11;
    public const uint WeightSeed = 7;

    private static readonly Lazy<Task<EngineAvailability>> Availability =
        new(() => new TfjsEngineProvider().CheckAvailabilityAsync(CancellationToken.None));

    private static readonly string Scratch = Directory.CreateTempSubdirectory("versus-tfjs-tests-").FullName;

    /// <summary>Skips the test, with the reason, where Node.js or its packages (or, for a browser backend, Chromium) are not usable here.</summary>
    public static void RequireEngine(string id = TfjsEngineProvider.EngineId)
    {
        var availability = Availability.Value.GetAwaiter().GetResult();
        Skip.IfNot(availability.IsUsable, $"tfjs is not usable here: {availability.Summary}; fix: {availability.Fix}");
        if (TfjsEngineProvider.For(id).Backend.Host == TfjsHost.Chromium)
            Skip.If(ChromiumBrowser.Find() is null, $"{id} needs Chromium, which is not installed here (test.sh installs Debian's 'chromium')");
    }

    public static EngineAvailability CheckedAvailability() => Availability.Value.GetAwaiter().GetResult();

    public static string WorkerFolder => WorkerPackages.Locate().Folder;

    /// <summary>The shared initial weights, written to a safetensors file as the parent does for every worker.</summary>
    public static (WeightSet Weights, string Path) Weights(ModelSpec spec, uint seed = WeightSeed)
    {
        var weights = WeightInitializer.Create(spec, ModelAnalysis.Analyze(spec), seed);
        var path = System.IO.Path.Combine(Scratch, $"{spec.Id}-{seed}-{Guid.NewGuid():N}.safetensors");
        SafeTensorsFile.Write(path, weights);
        return (weights, path);
    }

    /// <summary>A weight set (another engine's trained state) written where a worker can read it.</summary>
    public static string Write(ModelSpec spec, WeightSet weights)
    {
        var path = ScratchFile($"-{spec.Id}.safetensors");
        SafeTensorsFile.Write(path, weights);
        return path;
    }

    public static string ScratchFile(string suffix) => System.IO.Path.Combine(Scratch, $"{Guid.NewGuid():N}{suffix}");

    public static DataSource Generated(int train, int test, uint seed = DataSeed) => new(DataSource.Generated, seed, train, test);

    public static IEngine TorchSharp(ModelSpec spec, WeightSet weights, DataSource source)
    {
        var engine = new TorchSharpEngineProvider().Load(1);
        engine.PrepareAsync(spec, weights, DatasetLoader.Load(source, spec.Input, spec.Classes), CancellationToken.None).GetAwaiter().GetResult();
        return engine;
    }
}
