namespace Versus.Core.Models.Graphs;

/// <summary>
/// Puts a graph's nodes in an order where every input comes before its use (Kahn's algorithm, stable: nodes already
/// in order keep it). A cycle has no such order; it is reported with the nodes on it.
/// </summary>
public static class GraphOrder
{
    /// <returns>The ordered nodes, or null and the names of the nodes that lie on or behind a cycle.</returns>
    public static (IReadOnlyList<GraphNode>? Ordered, IReadOnlyList<string> Cyclic) Sort(IReadOnlyList<GraphNode> nodes)
    {
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < nodes.Count; i++) byName.TryAdd(nodes[i].Name, i);
        var pending = new int[nodes.Count];
        var users = new List<int>[nodes.Count];
        for (var i = 0; i < nodes.Count; i++) users[i] = [];
        for (var i = 0; i < nodes.Count; i++)
            foreach (var input in nodes[i].Inputs)
                if (byName.TryGetValue(input, out var producer))
                {
                    pending[i]++;
                    users[producer].Add(i);
                }
        var ready = new PriorityQueue<int, int>();
        for (var i = 0; i < nodes.Count; i++)
            if (pending[i] == 0) ready.Enqueue(i, i);
        var ordered = new List<GraphNode>(nodes.Count);
        while (ready.TryDequeue(out var next, out _))
        {
            ordered.Add(nodes[next]);
            foreach (var user in users[next])
                if (--pending[user] == 0) ready.Enqueue(user, user);
        }
        if (ordered.Count == nodes.Count) return (ordered, []);
        return (null, [.. Enumerable.Range(0, nodes.Count).Where(i => pending[i] > 0).Select(i => nodes[i].Name)]);
    }
}
