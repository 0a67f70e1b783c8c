using Versus.Core.Models;
using Versus.Core.Models.Graphs;
using static TorchSharp.torch;

namespace Versus.Engines.TorchSharp.Modules;

/// <summary>
/// Builds the TorchSharp network of a spec from its analysed graph (a layer sequence arrives lowered to one). Initial
/// values do not matter: the shared weight set overwrites them.
/// </summary>
internal static class NetworkBuilder
{
    public static GraphNetwork Build(ModelSpec spec, ModelAnalysis analysis)
    {
        if (analysis.Errors.Count > 0 || analysis.Nodes.Count == 0)
            throw new ArgumentException($"The spec {spec.Id} is not valid: {string.Join("; ", analysis.Errors.Select(e => e.ToString()))}", nameof(spec));
        var slots = new Dictionary<string, int>(StringComparer.Ordinal) { [GraphSpec.InputName] = 0 };
        foreach (var node in analysis.Nodes) slots[node.Name] = slots.Count;
        var lastReader = new Dictionary<int, int>();
        for (var i = 0; i < analysis.Nodes.Count; i++)
            foreach (var input in analysis.Nodes[i].Node.Inputs) lastReader[slots[input]] = i;
        var output = slots[spec.Graph.Output];

        var steps = new List<GraphStep>(analysis.Nodes.Count);
        var modules = new List<(string, nn.Module)>();
        for (var i = 0; i < analysis.Nodes.Count; i++)
        {
            var node = analysis.Nodes[i];
            var (module, apply) = NodeModules.Create(node);
            if (module is not null) modules.Add((node.Name, module));
            int[] inputs = [.. node.Node.Inputs.Select(n => slots[n])];
            int[] releases = [.. inputs.Distinct().Where(s => s != output && lastReader[s] == i)];
            steps.Add(new GraphStep(node.Name, inputs, slots[node.Name], releases, apply));
        }
        return new GraphNetwork(steps, modules, slots.Count, output);
    }
}
