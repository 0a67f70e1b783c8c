using TorchSharp;
using static TorchSharp.torch;

namespace Versus.Engines.TorchSharp.Modules;

/// <summary>
/// The whole network: every node's module registered under the node's dotted name (see <see cref="ModuleScope"/>), so
/// state names are the canonical ones, and a forward pass that runs the nodes in dependency order. A value is released
/// after its last reader, which keeps an inference's peak memory near the widest point of the graph rather than its sum
/// (under autograd, the graph keeps what the backward pass needs alive on its own).
/// </summary>
internal sealed class GraphNetwork : nn.Module<Tensor, Tensor>
{
    private readonly IReadOnlyList<GraphStep> steps;
    private readonly int slots;
    private readonly int output;
    private readonly Dictionary<string, nn.Module> scopes = new(StringComparer.Ordinal);

    /// <param name="steps">The nodes in dependency order.</param>
    /// <param name="modules">Each node that holds state or behaves differently in training (batch norm, dropout), by node name.</param>
    /// <param name="slots">Value slots: the input (slot 0) and one per node.</param>
    /// <param name="output">The slot of the network's output.</param>
    public GraphNetwork(IReadOnlyList<GraphStep> steps, IEnumerable<(string Name, nn.Module Module)> modules, int slots, int output)
        : base("GraphNetwork")
    {
        this.steps = steps;
        this.slots = slots;
        this.output = output;
        foreach (var (name, module) in modules) Register(name, module);
    }

    public override Tensor forward(Tensor input)
    {
        var values = new Tensor?[slots];
        values[0] = input;
        foreach (var step in steps)
        {
            var arguments = new Tensor[step.Inputs.Length];
            for (var i = 0; i < arguments.Length; i++) arguments[i] = values[step.Inputs[i]]!;
            values[step.Output] = step.Apply(arguments);
            foreach (var slot in step.Releases) Release(values, slot);
        }
        return values[output]!;
    }

    private static void Release(Tensor?[] values, int slot)
    {
        var tensor = values[slot]!;
        values[slot] = null;
        // The input belongs to the caller; a value another slot still holds (an operation that returned its input) lives on.
        if (slot == 0 || Array.Exists(values, v => ReferenceEquals(v, tensor))) return;
        tensor.Dispose();
    }

    /// <summary>Registers <paramref name="module"/> at the dotted <paramref name="path"/>, creating the scopes on the way.</summary>
    private void Register(string path, nn.Module module)
    {
        nn.Module parent = this;
        var cut = path.LastIndexOf('.');
        if (cut > 0) parent = Scope(path[..cut]);
        parent.register_module(path[(cut + 1)..], module);
    }

    private nn.Module Scope(string path)
    {
        if (scopes.TryGetValue(path, out var scope)) return scope;
        var cut = path.LastIndexOf('.');
        var parent = cut > 0 ? Scope(path[..cut]) : this;
        scope = new ModuleScope(path[(cut + 1)..]);
        parent.register_module(path[(cut + 1)..], scope);
        scopes[path] = scope;
        return scope;
    }
}
