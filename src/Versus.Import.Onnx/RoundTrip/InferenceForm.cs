using Onnx;

namespace Versus.Import.Onnx.RoundTrip;

/// <summary>
/// The original model in inference form, for the round trip: a training-mode export computes batch statistics in its
/// BatchNormalization nodes (extra outputs, training_mode 1) and samples Dropout masks, while Versus' export is the
/// evaluation-mode network. Dropping those outputs and flags yields the same file's evaluation-mode forward pass,
/// with its running statistics, which is what the round trip compares.
/// </summary>
internal static class InferenceForm
{
    public static ModelProto Of(ModelProto original)
    {
        var model = original.Clone();
        foreach (var node in model.Graph.Node)
        {
            switch (node.OpType)
            {
                case "BatchNormalization":
                    while (node.Output.Count > 1) node.Output.RemoveAt(node.Output.Count - 1);
                    Remove(node, "training_mode");
                    break;
                case "Dropout":
                    while (node.Input.Count > 2) node.Input.RemoveAt(node.Input.Count - 1);
                    while (node.Output.Count > 1) node.Output.RemoveAt(node.Output.Count - 1);
                    Remove(node, "is_test");
                    break;
            }
        }
        return model;
    }

    private static void Remove(NodeProto node, string attribute)
    {
        var found = node.Attribute.FirstOrDefault(a => a.Name == attribute);
        if (found is not null) node.Attribute.Remove(found);
    }
}
