using System.Globalization;
using System.Text.Json.Nodes;
using Versus.Core.Models.Graphs;

namespace Versus.Core.Models;

/// <summary>
/// Writes a spec in resolved, canonical form: every default filled in, families and repeats expanded, and the network
/// as its graph (a sequence also keeps its layers, for people reading it). This is what a worker receives, so no worker
/// (in any language) re-implements family, default or sequence resolution: workers build "graph".
/// </summary>
public static class ModelSpecWriter
{
    public static JsonObject ToJson(ModelSpec spec)
    {
        var json = Header(spec);
        if (!spec.IsGraph) json["layers"] = Layers(spec.Layers);
        json["graph"] = GraphSpecWriter.ToJson(spec.Graph);
        return json;
    }

    private static JsonObject Header(ModelSpec spec) => new()
    {
        ["id"] = spec.Id,
        ["description"] = spec.Description,
        ["input"] = new JsonObject { ["channels"] = spec.Input.Channels, ["height"] = spec.Input.Height, ["width"] = spec.Input.Width },
        ["classes"] = spec.Classes,
        ["training"] = new JsonObject
        {
            ["optimizer"] = spec.Training.Optimizer.ToString().ToLowerInvariant(),
            ["learningRate"] = spec.Training.LearningRate,
            ["momentum"] = spec.Training.Momentum,
            ["batchSize"] = spec.Training.BatchSize,
            ["epochs"] = spec.Training.Epochs,
            ["targetAccuracy"] = spec.Training.TargetAccuracy,
            ["beta1"] = spec.Training.Beta1,
            ["beta2"] = spec.Training.Beta2,
            ["epsilon"] = spec.Training.AdamEpsilon,
        },
        ["inference"] = new JsonObject { ["throughputBatchSize"] = spec.ThroughputBatchSize },
    };

    private static JsonArray Layers(IEnumerable<LayerSpec> layers) => [.. layers.Select(Layer)];

    private static JsonObject Layer(LayerSpec layer)
    {
        var o = new JsonObject { ["type"] = layer.Kind };
        switch (layer)
        {
            case Conv2dLayer c:
                o["out"] = c.OutChannels; o["kernel"] = c.Kernel; o["stride"] = c.Stride; o["padding"] = c.Padding; o["bias"] = c.Bias;
                break;
            case BatchNorm2dLayer b:
                o["epsilon"] = b.Epsilon; o["momentum"] = b.Momentum;
                break;
            case MaxPool2dLayer p:
                o["kernel"] = p.Kernel; o["stride"] = p.Stride;
                break;
            case LinearLayer l:
                o["out"] = l.OutFeatures; o["bias"] = l.Bias;
                break;
            case DropoutLayer d:
                o["p"] = d.Probability;
                break;
            case ResidualLayer r:
                o["body"] = Layers(r.Body);
                o["shortcut"] = r.Shortcut.ToString().ToLower(CultureInfo.InvariantCulture);
                break;
        }
        return o;
    }
}
