using Versus.Core.Validation;

namespace Versus.Core.Planning;

/// <summary>
/// Turns a model file of another format (an .onnx file) into a workload for --workloads: its spec, analysis and the
/// file's own weights as the run's initial weights. Implementations live in their own projects and are registered by
/// the program, so Core knows no format but its JSON spec.
/// </summary>
public interface IWorkloadImporter
{
    /// <summary>The file extension this importer takes, with its dot (".onnx"); matched ignoring case.</summary>
    string Extension { get; }

    /// <summary>The workload, or every reason the file cannot be one (each naming the file).</summary>
    (Workload? Workload, IReadOnlyList<ValidationError> Errors) Import(string path);
}
