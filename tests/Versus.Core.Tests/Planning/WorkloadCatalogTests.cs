using Versus.Core.Models;
using Versus.Core.Planning;
using Versus.Core.Validation;
using Versus.Core.Weights;

namespace Versus.Core.Tests.Planning;

/// <summary>A workload's own initial weights: an importer's, or a .safetensors beside a spec; else the seeded ones.</summary>
public sealed class WorkloadCatalogTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private string SpecFile()
    {
        var path = temp.File("tiny.json");
        File.Copy(RepoPaths.Workload("small-cnn-28"), path);
        return path;
    }

    [Fact]
    public void Should_UseTheSeededWeights_When_NoWeightsLieBesideTheSpec()
    {
        var (workloads, errors) = new WorkloadCatalog(RepoPaths.Workloads).Resolve([SpecFile()]);
        Assert.Empty(errors);
        var workload = Assert.Single(workloads);
        Assert.Null(workload.InitialWeights);
        Assert.Equal(WeightInitializer.Create(workload.Spec, workload.Analysis, 7).Tensors[0].Data, workload.WeightsFor(7).Tensors[0].Data);
    }

    [Fact]
    public void Should_StartFromTheFilesWeights_When_ASafetensorsLiesBesideTheSpec()
    {
        var path = SpecFile();
        var spec = ModelSpecReader.ReadFile(path);
        var own = WeightInitializer.Create(spec.Spec!, spec.Analysis!, 12345);
        SafeTensorsFile.Write(WorkloadCatalog.WeightsPathFor(path), own);

        var workload = Assert.Single(new WorkloadCatalog(RepoPaths.Workloads).Resolve([path]).Workloads);

        Assert.Equal(own.Tensors[0].Data, workload.WeightsFor(7).Tensors[0].Data);
    }

    [Fact]
    public void Should_NameTheTensor_When_TheWeightsBesideTheSpecBelongToAnotherNetwork()
    {
        var path = SpecFile();
        var other = TestSpecs.File("cnn-64.json");
        SafeTensorsFile.Write(WorkloadCatalog.WeightsPathFor(path), WeightInitializer.Create(other, ModelAnalysis.Analyze(other), 1));

        var (_, errors) = new WorkloadCatalog(RepoPaths.Workloads).Resolve([path]);

        var error = Assert.Single(errors);
        Assert.Equal(WorkloadCatalog.WeightsPathFor(path), error.Source);
        Assert.Contains("where the spec needs 'layers.0.weight'", error.Message);
    }

    [Fact]
    public void Should_HandTheFileToItsImporter_When_ItsExtensionMatches()
    {
        var model = temp.File("Net.FAKE");
        File.WriteAllText(model, "");
        var importer = new FakeImporter();

        var (workloads, errors) = new WorkloadCatalog(RepoPaths.Workloads, [importer]).Resolve([model, temp.File("missing.fake")]);

        Assert.Equal([model], importer.Imported);
        Assert.Equal("imported", Assert.Single(workloads).Id);
        Assert.Contains("is not an existing .fake file", Assert.Single(errors).Message);
    }

    private sealed class FakeImporter : IWorkloadImporter
    {
        public List<string> Imported { get; } = [];

        public string Extension => ".fake";

        public (Workload? Workload, IReadOnlyList<ValidationError> Errors) Import(string path)
        {
            Imported.Add(path);
            var spec = TestSpecs.File("small-cnn-28.json") with { Id = "imported" };
            return (new Workload(spec, ModelAnalysis.Analyze(spec)), []);
        }
    }
}
