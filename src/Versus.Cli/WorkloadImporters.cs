using Versus.Core.Planning;
using Versus.Import.Onnx;

namespace Versus.Cli;

/// <summary>Every model format --workloads takes besides Versus' JSON specs. Adding a format is one project and one line here.</summary>
public static class WorkloadImporters
{
    public static IReadOnlyList<IWorkloadImporter> All { get; } = [new OnnxWorkloadImporter()];

    public static WorkloadCatalog Catalog() => WorkloadCatalog.Locate(All);
}
