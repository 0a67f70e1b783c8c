using Versus.Core.Models;
using Versus.Core.Validation;
using Versus.Core.Weights;

namespace Versus.Core.Planning;

/// <summary>
/// Resolves --workloads values: a workload id from the workloads folder ("small-cnn-28"), a family member ("depth-8"),
/// a family name alone (its declared sweep), a path to a spec file (with its weights when a .safetensors of the same
/// name lies beside it), or a model file an importer takes (an .onnx file).
/// </summary>
public sealed class WorkloadCatalog(string directory, IReadOnlyList<IWorkloadImporter>? importers = null)
{
    private readonly IReadOnlyList<IWorkloadImporter> importers = importers ?? [];

    public static readonly string[] DefaultSuite = ["small-cnn-28", "cnn-64", "depth"];

    /// <summary>
    /// The default suite with --quick: the depth sweep stops at N = 8. Three points still give the growth factor, and
    /// depth-16 alone took about a fifth of a quick run here (TorchSharp's 2-s training steps, TensorFlow.js's batch-64
    /// forward passes on a software GPU); the full run sweeps N = 2, 4, 8, 16.
    /// </summary>
    public static readonly string[] QuickSuite = ["small-cnn-28", "cnn-64", "depth-2", "depth-4", "depth-8"];

    public string Directory { get; } = directory;

    /// <summary>The workloads folder next to the program, else the repository's, walking up from the working directory.</summary>
    public static WorkloadCatalog Locate(IReadOnlyList<IWorkloadImporter>? importers = null)
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "workloads");
        if (System.IO.Directory.Exists(beside)) return new WorkloadCatalog(beside, importers);
        for (var dir = new DirectoryInfo(System.Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "workloads");
            if (System.IO.Directory.Exists(candidate)) return new WorkloadCatalog(candidate, importers);
        }
        return new WorkloadCatalog(beside, importers);
    }

    public IReadOnlyList<string> Ids =>
        System.IO.Directory.Exists(Directory)
            ? [.. System.IO.Directory.GetFiles(Directory, "*.json").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order()]
            : [];

    public (IReadOnlyList<Workload> Workloads, IReadOnlyList<ValidationError> Errors) Resolve(IEnumerable<string> requested)
    {
        var workloads = new List<Workload>();
        var errors = new List<ValidationError>();
        foreach (var raw in requested)
        {
            var name = raw.Trim();
            if (importers.FirstOrDefault(i => name.EndsWith(i.Extension, StringComparison.OrdinalIgnoreCase)) is { } importer)
            {
                if (!File.Exists(name))
                {
                    errors.Add(new ValidationError("--workloads", name, $"is not an existing {importer.Extension} file"));
                    continue;
                }
                var (imported, importErrors) = importer.Import(name);
                if (imported is not null) workloads.Add(imported);
                errors.AddRange(importErrors);
                continue;
            }
            foreach (var (path, family) in Candidates(name, errors))
            {
                var read = ModelSpecReader.ReadFile(path, family);
                if (!read.IsValid)
                {
                    errors.AddRange(read.Errors);
                    continue;
                }
                var workload = new Workload(read.Spec!, read.Analysis!);
                var (weights, weightErrors) = family is null ? WeightsBeside(path, read.Analysis!) : (null, []);
                errors.AddRange(weightErrors);
                workloads.Add(workload with { InitialWeights = weights });
            }
        }
        foreach (var duplicate in workloads.GroupBy(w => w.Id).Where(g => g.Count() > 1))
            errors.Add(new ValidationError("--workloads", duplicate.Key, "is listed more than once"));
        return (workloads, errors);
    }

    /// <summary>"spec.safetensors" beside "spec.json" (what versus import writes): the spec's own initial weights.</summary>
    public static string WeightsPathFor(string specPath) => Path.ChangeExtension(specPath, ".safetensors");

    /// <summary>What a user can do about weights beside a spec that are damaged or belong to another network.</summary>
    private const string WeightsFix =
        "write it again in the canonical layout (docs/model-spec.md; 'versus import' writes one beside the spec it imports), "
        + "or move it away to start from weights drawn from --seed";

    private static (WeightSet? Weights, IReadOnlyList<ValidationError> Errors) WeightsBeside(string specPath, ModelAnalysis analysis)
    {
        var path = WeightsPathFor(specPath);
        if (!File.Exists(path)) return (null, []);
        IReadOnlyList<ValidationError> errors;
        WeightSet? weights = null;
        try
        {
            weights = SafeTensorsFile.Read(path);
            errors = WeightLayoutCheck.Check(analysis, weights, path);
        }
        catch (ValidationException e)
        {
            errors = e.Errors;
        }
        return errors.Count > 0 ? (null, [.. errors.Select(e => e with { Message = $"{e.Message}; {WeightsFix}" })]) : (weights, []);
    }

    private IEnumerable<(string Path, int? Family)> Candidates(string name, List<ValidationError> errors)
    {
        if (name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || name.Contains('/'))
        {
            if (File.Exists(name)) return [(name, null)];
            errors.Add(new ValidationError("--workloads", name, "is not an existing spec file; pass a workload id or a path to a .json spec"));
            return [];
        }
        var direct = Path.Combine(Directory, name + ".json");
        if (File.Exists(direct))
        {
            var sweep = ModelSpecReader.FamilySweep(File.ReadAllText(direct));
            return sweep.Count > 0 ? sweep.Select(n => (direct, (int?)n)) : [(direct, null)];
        }
        var dash = name.LastIndexOf('-');
        if (dash > 0 && int.TryParse(name[(dash + 1)..], out var value))
        {
            var familyFile = Path.Combine(Directory, name[..dash] + ".json");
            if (File.Exists(familyFile)) return [(familyFile, value)];
        }
        errors.Add(new ValidationError("--workloads", name, $"is not a known workload; known: {string.Join(", ", Ids.Select(DescribeId))}, or a path to a spec file"));
        return [];
    }

    private string DescribeId(string id)
    {
        var sweep = ModelSpecReader.FamilySweep(File.ReadAllText(Path.Combine(Directory, id + ".json")));
        return sweep.Count > 0 ? $"{id}-N (e.g. {id}-{sweep[0]}; '{id}' runs N = {string.Join(", ", sweep)})" : id;
    }
}
