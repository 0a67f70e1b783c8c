using System.Text.Json;
using System.Text.Json.Nodes;
using Versus.Core.Models.Graphs;
using Versus.Core.Validation;

namespace Versus.Core.Models;

/// <summary>
/// Reads a workload spec (docs/model-spec.md) and checks it completely: fields, then shapes layer by layer,
/// before anything is allocated. Every problem is returned, each naming the file and JSON path.
/// </summary>
public static class ModelSpecReader
{
    public const string RepeatKind = "repeat";

    // A hand-written spec is a few kilobytes; a bigger file is a mistake, refused before it is read into memory.
    private const long MaxFileBytes = 1 << 20;

    // Nested repeats multiply (4096 x 4096 x ...): the expansion is bounded before it is built, not by running out of memory.
    private const int MaxLayers = 100_000;

    private static readonly string[] LayerKinds =
        ["conv2d", "batchnorm2d", "relu", "maxpool2d", "globalavgpool", "flatten", "linear", "dropout", "residual", RepeatKind];

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static SpecReadResult ReadFile(string path, int? familyValue = null)
    {
        string text;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > MaxFileBytes)
                return SpecReadResult.Failed(new ValidationError(path, "", $"is {length / (1 << 20)} MB; a workload spec is at most 1 MB of JSON (see docs/model-spec.md)"));
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return SpecReadResult.Failed(new ValidationError(path, "", $"cannot be read ({e.Message})"));
        }
        return Read(text, path, familyValue);
    }

    public static SpecReadResult Read(string json, string source, int? familyValue = null)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: DocumentOptions);
        }
        catch (JsonException e)
        {
            return SpecReadResult.Failed(new ValidationError(source, e.Path ?? "$",
                $"is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {e.Message.Split('.')[0]}"));
        }

        var parameters = new Dictionary<string, int>();
        var family = ReadFamily(root, source, familyValue, parameters, out var familyErrors);
        if (familyErrors.Count > 0) return SpecReadResult.Failed([.. familyErrors]);

        var r = new SpecFieldReader(source, parameters);
        var obj = r.Object(root, "$");
        if (obj is null) return SpecReadResult.Failed([.. r.Errors]);
        r.RejectUnknown(obj, "$", "id", "description", "input", "classes", "training", "inference", "layers", "graph", "family");

        var id = r.String(obj, "id", "$") ?? "";
        if (id.Length > 0 && !IsValidId(id))
            r.Error("$.id", $"is '{id}'; use lower-case letters, digits and '-'");
        if (family is not null) id = $"{id}-{family.Value}";
        var description = r.String(obj, "description", "$", required: false) ?? "";

        var input = ReadInput(r, obj);
        var classes = r.Int(obj, "classes", "$", null, 2, 100_000);
        var training = ReadTraining(r, obj);
        var inference = r.Object(obj["inference"], "$.inference", required: false);
        var throughputBatch = inference is null ? 64 : r.Int(inference, "throughputBatchSize", "$.inference", 64, 1, 65_536);
        if (inference is not null) r.RejectUnknown(inference, "$.inference", "throughputBatchSize");

        var layers = new List<LayerSpec>();
        GraphSpec? graph = null;
        // The canonical form a worker receives carries both; a hand-written spec describes its network one way.
        var graphOfLayers = obj["layers"] is not null ? obj["graph"] : null;
        if (obj["graph"] is not null && graphOfLayers is null)
            graph = GraphSpecReader.Read(r, obj["graph"]);
        else if (obj["layers"] is JsonArray array && array.Count > 0)
            ReadLayers(r, array, "$.layers", layers, allowResidual: true);
        else
            r.Error("$.layers", "is missing or empty; expected an array of layers (or a \"graph\" of nodes)");

        if (r.Errors.Count > 0) return SpecReadResult.Failed([.. r.Errors]);

        var spec = new ModelSpec(id, description, input, classes, layers, training, throughputBatch, source);
        if (graph is not null) spec = spec with { Graph = graph };
        var analysis = ModelAnalysis.Analyze(spec);
        if (analysis.Errors.Count > 0) return SpecReadResult.Failed([.. analysis.Errors]);
        if (graphOfLayers is not null && graphOfLayers.ToJsonString() != GraphSpecWriter.ToJson(analysis.Graph!).ToJsonString())
            return SpecReadResult.Failed(new ValidationError(source, "$.graph",
                "is not the graph its \"layers\" describe; a spec describes its network one way: keep \"layers\" or \"graph\""));
        // Engines build the analysed graph: ordered, with "same" padding resolved against the input shapes.
        return SpecReadResult.Ok(spec with { Graph = analysis.Graph! }, analysis);
    }

    private static int? ReadFamily(JsonNode? root, string source, int? requested, Dictionary<string, int> parameters,
        out List<ValidationError> errors)
    {
        errors = [];
        if (root is not JsonObject obj || obj["family"] is not JsonNode node)
        {
            if (requested is not null)
                errors.Add(new ValidationError(source, "$", $"is not a family spec, so it takes no parameter (got {requested})"));
            return null;
        }
        var r = new SpecFieldReader(source, parameters);
        var family = r.Object(node, "$.family");
        if (family is null) { errors.AddRange(r.Errors); return null; }
        r.RejectUnknown(family, "$.family", "parameter", "default", "sweep", "max");
        var name = r.String(family, "parameter", "$.family") ?? "N";
        var max = r.Int(family, "max", "$.family", 1024, 1);
        var value = requested ?? r.Int(family, "default", "$.family", null, 1, max);
        if (value < 1 || value > max)
            r.Error("$.family", $"parameter {name} is {value}; allowed: 1 to {max}");
        errors.AddRange(r.Errors);
        parameters[name] = value;
        return value;
    }

    /// <summary>The sweep a family spec declares (e.g. depth: 2, 4, 8, 16), or empty for a plain spec.</summary>
    public static IReadOnlyList<int> FamilySweep(string json)
    {
        var root = JsonNode.Parse(json, documentOptions: DocumentOptions);
        return root?["family"]?["sweep"] is JsonArray sweep ? [.. sweep.Select(n => n!.GetValue<int>())] : [];
    }

    public static bool IsValidId(string id) =>
        id.Length > 0 && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    private static ActivationShape ReadInput(SpecFieldReader r, JsonObject obj)
    {
        var input = r.Object(obj["input"], "$.input");
        if (input is null) return ActivationShape.Image(1, 1, 1);
        r.RejectUnknown(input, "$.input", "channels", "height", "width");
        return ActivationShape.Image(
            r.Int(input, "channels", "$.input", null, 1, 4096),
            r.Int(input, "height", "$.input", null, 1, 16_384),
            r.Int(input, "width", "$.input", null, 1, 16_384));
    }

    internal static TrainingSpec ReadTraining(SpecFieldReader r, JsonObject obj)
    {
        const string at = "$.training";
        var t = r.Object(obj["training"], at);
        if (t is null) return new TrainingSpec(OptimizerKind.Sgd, 0.01, 0, 1, 1, 0);
        r.RejectUnknown(t, at, "optimizer", "learningRate", "momentum", "batchSize", "epochs", "targetAccuracy", "beta1", "beta2", "epsilon");
        var optimizerName = r.String(t, "optimizer", at) ?? "sgd";
        var optimizer = optimizerName switch
        {
            "sgd" => OptimizerKind.Sgd,
            "adam" => OptimizerKind.Adam,
            _ => Invalid(),
        };
        OptimizerKind Invalid()
        {
            r.Error($"{at}.optimizer", $"is '{optimizerName}'; allowed: sgd, adam");
            return OptimizerKind.Sgd;
        }
        return new TrainingSpec(
            optimizer,
            r.Double(t, "learningRate", at, null, 1e-9, 10),
            r.Double(t, "momentum", at, 0, 0, 0.9999),
            r.Int(t, "batchSize", at, null, 1, 65_536),
            r.Int(t, "epochs", at, null, 1, 10_000),
            r.Double(t, "targetAccuracy", at, 0.9, 0, 1),
            r.Double(t, "beta1", at, 0.9, 0, 0.9999),
            r.Double(t, "beta2", at, 0.999, 0, 0.999999),
            r.Double(t, "epsilon", at, 1e-8, 1e-12, 1));
    }

    private static void ReadLayers(SpecFieldReader r, JsonArray array, string path, List<LayerSpec> into, bool allowResidual)
    {
        for (var i = 0; i < array.Count; i++)
        {
            var at = $"{path}[{i}]";
            var layer = r.Object(array[i], at);
            if (layer is null) continue;
            var kind = r.String(layer, "type", at);
            if (kind is null) continue;
            switch (kind)
            {
                case "conv2d":
                    r.RejectUnknown(layer, at, "type", "out", "kernel", "stride", "padding", "bias");
                    into.Add(new Conv2dLayer(r.Int(layer, "out", at, null, 1, 65_536), r.Int(layer, "kernel", at, null, 1, 64),
                        r.Int(layer, "stride", at, 1, 1, 64), r.Int(layer, "padding", at, 0, 0, 64), r.Bool(layer, "bias", at, true)));
                    break;
                case "batchnorm2d":
                    r.RejectUnknown(layer, at, "type", "epsilon", "momentum");
                    into.Add(new BatchNorm2dLayer(r.Double(layer, "epsilon", at, 1e-5, 1e-12, 1), r.Double(layer, "momentum", at, 0.1, 0, 1)));
                    break;
                case "relu":
                    r.RejectUnknown(layer, at, "type");
                    into.Add(new ReluLayer());
                    break;
                case "maxpool2d":
                    r.RejectUnknown(layer, at, "type", "kernel", "stride");
                    var kernel = r.Int(layer, "kernel", at, null, 1, 64);
                    into.Add(new MaxPool2dLayer(kernel, r.Int(layer, "stride", at, kernel, 1, 64)));
                    break;
                case "globalavgpool":
                    r.RejectUnknown(layer, at, "type");
                    into.Add(new GlobalAvgPoolLayer());
                    break;
                case "flatten":
                    r.RejectUnknown(layer, at, "type");
                    into.Add(new FlattenLayer());
                    break;
                case "linear":
                    r.RejectUnknown(layer, at, "type", "out", "bias");
                    into.Add(new LinearLayer(r.Int(layer, "out", at, null, 1, 1 << 24), r.Bool(layer, "bias", at, true)));
                    break;
                case "dropout":
                    r.RejectUnknown(layer, at, "type", "p");
                    into.Add(new DropoutLayer(r.Double(layer, "p", at, null, 0, 0.99)));
                    break;
                case "residual" when allowResidual:
                    r.RejectUnknown(layer, at, "type", "body", "shortcut");
                    var body = new List<LayerSpec>();
                    if (layer["body"] is JsonArray bodyArray && bodyArray.Count > 0)
                        ReadLayers(r, bodyArray, $"{at}.body", body, allowResidual: false);
                    else
                        r.Error($"{at}.body", "is missing or empty; expected an array of layers");
                    var shortcut = r.String(layer, "shortcut", at, required: false) ?? "identity";
                    if (shortcut is not ("identity" or "projection"))
                        r.Error($"{at}.shortcut", $"is '{shortcut}'; allowed: identity, projection");
                    into.Add(new ResidualLayer(body, shortcut == "projection" ? ShortcutKind.Projection : ShortcutKind.Identity));
                    break;
                case "residual":
                    r.Error($"{at}.type", "residual blocks cannot be nested inside a residual body");
                    break;
                case RepeatKind:
                    r.RejectUnknown(layer, at, "type", "times", "layers");
                    var times = r.Int(layer, "times", at, null, 1, 4096);
                    if (layer["layers"] is not JsonArray inner || inner.Count == 0)
                    {
                        r.Error($"{at}.layers", "is missing or empty; expected an array of layers to repeat");
                        break;
                    }
                    var once = new List<LayerSpec>();
                    ReadLayers(r, inner, $"{at}.layers", once, allowResidual);
                    if (into.Count + (long)times * once.Count > MaxLayers)
                        r.Error($"{at}.times", $"is {times}: the model would have more than {MaxLayers} layers; repeat fewer times");
                    else
                        for (var k = 0; k < times; k++) into.AddRange(once);
                    break;
                default:
                    r.Error($"{at}.type", $"is '{kind}'; allowed: {string.Join(", ", LayerKinds)}");
                    break;
            }
        }
    }
}
