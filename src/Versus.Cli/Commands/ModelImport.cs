using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Versus.Cli.Console;
using Versus.Core.Models;
using Versus.Core.Planning;
using Versus.Core.Weights;
using Versus.Import.Onnx;
using Versus.Import.Onnx.RoundTrip;

namespace Versus.Cli.Commands;

/// <summary>
/// "versus import model.onnx [--out spec.json]": the model as a graph spec (spec.json) and its weights beside it
/// (spec.safetensors), after the import round trip. --workloads spec.json then runs it from those weights
/// (docs/import.md). Nothing is written when the file is refused.
/// </summary>
internal static class ModelImport
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static int Run(string modelPath, string? outPath)
    {
        var specPath = outPath ?? Path.ChangeExtension(modelPath, ".json");
        if (!specPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            ErrorLine.Print($"--out '{outPath}' must name a .json spec file (its weights are written beside it as .safetensors)");
            return ExitCodes.BadInput;
        }
        if (!File.Exists(modelPath))
        {
            ErrorLine.Print($"MODEL '{modelPath}' is not an existing .onnx file");
            return ExitCodes.BadInput;
        }
        var watch = Stopwatch.StartNew();
        var (model, errors) = OnnxImporter.TryImport(modelPath);
        if (model is null) return ErrorLine.Print(errors);
        var imported = watch.Elapsed;
        var roundTrip = ImportRoundTrip.Check(modelPath, model);
        if (!roundTrip.Passed)
        {
            ErrorLine.Print($"{modelPath}: {roundTrip.Summary}");
            return ExitCodes.BadInput;
        }
        var weightsPath = WorkloadCatalog.WeightsPathFor(specPath);
        try
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(specPath));
            if (folder is not null) Directory.CreateDirectory(folder);
            SafeTensorsFile.Write(weightsPath, model.Weights);
            File.WriteAllText(specPath, ModelSpecWriter.ToJson(model.Spec).ToJsonString(Indented) + "\n");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ErrorLine.Print($"--out '{specPath}' cannot be written ({e.Message})");
            return ExitCodes.BadInput;
        }
        var a = model.Analysis;
        System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"imported {Path.GetFileName(modelPath)} as workload {model.Spec.Id} in {imported.TotalSeconds:0.0} s: input {model.Spec.Input}, {model.Spec.Classes} classes, "
            + $"{model.Spec.Graph.Nodes.Count} nodes, {a.TrainableParameters:N0} parameters, {a.ForwardFlopsPerExample / 1e9:0.00} GFLOPs per image"));
        System.Console.WriteLine(roundTrip.Summary);
        System.Console.WriteLine($"wrote {specPath} and {weightsPath}; measure it with: versus run --workloads {specPath}");
        return ExitCodes.Ok;
    }
}
