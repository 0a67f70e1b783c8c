using System.Text;
using Versus.Core.Models.Graphs;

namespace Versus.Import.Onnx.Mapping;

/// <summary>
/// Turns ONNX node names into spec node names: dotted identifiers, unique, none a prefix path of another. PyTorch's
/// scoped names ("/layer1/layer1.0/conv1/Conv") become the module path ("layer1.0.conv1"), so parameters get the names
/// of the model's state_dict ("layer1.0.conv1.weight"); other names are sanitised, and unnamed nodes take their op.
/// </summary>
internal static class NodeNamer
{
    public sealed record Request(string OnnxName, string Kind);

    public static IReadOnlyList<string> Assign(IReadOnlyList<Request> requests)
    {
        var names = requests.Select(Base).ToArray();
        // A node named like another's path ("layer1.0" for the block's Add beside "layer1.0.conv1") takes its op as a suffix.
        var paths = names.SelectMany(Prefixes).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
            if (paths.Contains(names[i])) names[i] = $"{names[i]}_{requests[i].Kind}";
        var taken = new HashSet<string>(names.Length, StringComparer.Ordinal);
        var allPaths = names.SelectMany(Prefixes).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            var name = names[i];
            for (var n = 2; taken.Contains(name) || (name != names[i] && allPaths.Contains(name)); n++) name = $"{names[i]}_{n}";
            taken.Add(name);
            names[i] = name;
        }
        return names;
    }

    /// <summary>Every proper prefix path of a dotted name ("a", "a.b" for "a.b.c").</summary>
    private static IEnumerable<string> Prefixes(string name)
    {
        for (var cut = name.IndexOf('.'); cut > 0; cut = name.IndexOf('.', cut + 1)) yield return name[..cut];
    }

    private static string Base(Request request)
    {
        var raw = request.OnnxName.Trim();
        var parts = new List<string>();
        if (raw.StartsWith('/'))
        {
            // PyTorch scopes: one segment per module, named relative to the previous segment's module and repeating that
            // segment's name as a prefix ("/features/features.1/conv/conv.0/Conv" is features.1.conv.0); the last is the op.
            var segments = raw.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var path = new List<string>();
            foreach (var segment in segments.Take(segments.Length - 1))
            {
                if (path.Count > 0 && segment.StartsWith(path[^1] + ".", StringComparison.Ordinal)) path[^1] = segment;
                else path.Add(segment);
            }
            parts.AddRange(path.SelectMany(p => p.Split('.', StringSplitOptions.RemoveEmptyEntries)));
        }
        else
        {
            parts.AddRange(raw.Split(['.', '/', ':'], StringSplitOptions.RemoveEmptyEntries));
        }
        var cleaned = parts.Select(Clean).Where(p => p.Length > 0).ToList();
        if (cleaned.Count == 0) return request.Kind;
        if (!char.IsAsciiLetter(cleaned[0][0]) && cleaned[0][0] != '_') cleaned[0] = "n" + cleaned[0];
        var name = string.Join('.', cleaned);
        return name == GraphSpec.InputName ? $"{name}_{request.Kind}" : name;
    }

    private static string Clean(string part)
    {
        var builder = new StringBuilder(part.Length);
        foreach (var c in part) builder.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        return builder.ToString().Trim('_') is { Length: > 0 } trimmed ? trimmed : "";
    }
}
