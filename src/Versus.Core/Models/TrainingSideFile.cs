using System.Text.Json;
using System.Text.Json.Nodes;
using Versus.Core.Validation;

namespace Versus.Core.Models;

/// <summary>
/// The settings an imported model (an .onnx file) cannot carry: <c>{model}.training.json</c> beside it, with the spec's
/// "id", "description", "training" and "inference" fields, each optional; a training field left out keeps its default
/// (docs/import.md). Without the file every default applies.
/// </summary>
public static class TrainingSideFile
{
    public static readonly TrainingSpec DefaultTraining = new(OptimizerKind.Sgd, 0.01, 0.9, 32, 1, 0.9);

    public const int DefaultThroughputBatchSize = 32;

    private const long MaxFileBytes = 64 << 10;

    public sealed record Settings(string? Id, string? Description, TrainingSpec Training, int ThroughputBatchSize, IReadOnlyList<ValidationError> Errors);

    /// <summary>"model.onnx" -> "model.training.json".</summary>
    public static string PathFor(string modelPath) =>
        Path.Combine(Path.GetDirectoryName(modelPath) ?? "", Path.GetFileNameWithoutExtension(modelPath) + ".training.json");

    public static Settings Read(string modelPath)
    {
        var path = PathFor(modelPath);
        if (!File.Exists(path)) return new Settings(null, null, DefaultTraining, DefaultThroughputBatchSize, []);
        string text;
        try
        {
            if (new FileInfo(path).Length > MaxFileBytes) return Failed(path, "", "is over 64 KB; a training side file holds a few settings");
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed(path, "", $"cannot be read ({e.Message})");
        }
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            return Failed(path, e.Path ?? "$", $"is not valid JSON (line {e.LineNumber + 1}): {e.Message.Split('.')[0]}");
        }
        var r = new SpecFieldReader(path, new Dictionary<string, int>());
        var obj = r.Object(root, "$");
        if (obj is null) return new Settings(null, null, DefaultTraining, DefaultThroughputBatchSize, r.Errors);
        r.RejectUnknown(obj, "$", "id", "description", "training", "inference");
        var id = r.String(obj, "id", "$", required: false);
        if (id is not null && !ModelSpecReader.IsValidId(id)) r.Error("$.id", $"is '{id}'; use lower-case letters, digits and '-'");
        var description = r.String(obj, "description", "$", required: false);
        var merged = Defaults();
        if (r.Object(obj["training"], "$.training", required: false) is { } given)
            foreach (var (key, value) in given) merged[key] = value?.DeepClone();
        var training = ModelSpecReader.ReadTraining(r, new JsonObject { ["training"] = merged });
        var inference = r.Object(obj["inference"], "$.inference", required: false);
        var throughput = inference is null ? DefaultThroughputBatchSize
            : r.Int(inference, "throughputBatchSize", "$.inference", DefaultThroughputBatchSize, 1, 65_536);
        if (inference is not null) r.RejectUnknown(inference, "$.inference", "throughputBatchSize");
        return new Settings(id, description, training, throughput, r.Errors);
    }

    private static JsonObject Defaults() => new()
    {
        ["optimizer"] = "sgd",
        ["learningRate"] = DefaultTraining.LearningRate,
        ["momentum"] = DefaultTraining.Momentum,
        ["batchSize"] = DefaultTraining.BatchSize,
        ["epochs"] = DefaultTraining.Epochs,
        ["targetAccuracy"] = DefaultTraining.TargetAccuracy,
    };

    private static Settings Failed(string path, string at, string message) =>
        new(null, null, DefaultTraining, DefaultThroughputBatchSize, [new ValidationError(path, at, message)]);
}
