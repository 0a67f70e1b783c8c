using Onnx;
using AttributeType = Onnx.AttributeProto.Types.AttributeType;

namespace Versus.Import.Onnx.Reading;

/// <summary>Typed reads of a node's attributes with ONNX's defaults; a wrongly typed attribute is refused by name.</summary>
internal sealed class NodeAttributes(NodeProto node, string describe)
{
    private AttributeProto? Find(string name, AttributeType type)
    {
        var attribute = node.Attribute.FirstOrDefault(a => a.Name == name);
        if (attribute is null) return null;
        if (attribute.Type != type && attribute.Type != AttributeType.Undefined)
            throw new OnnxImportException($"{describe} has attribute '{name}' of type {attribute.Type}; ONNX defines it as {type}");
        return attribute;
    }

    public bool Has(string name) => node.Attribute.Any(a => a.Name == name);

    public long Int(string name, long fallback) => Find(name, AttributeType.Int)?.I ?? fallback;

    public float Float(string name, float fallback) => Find(name, AttributeType.Float)?.F ?? fallback;

    /// <summary>A float attribute as the double it was written as (1e-5, not 9.99999974e-06), for the spec's fields.</summary>
    public double Decimal(string name, float fallback) => Exact(Float(name, fallback));

    public static double Exact(float value) =>
        float.IsFinite(value) ? double.Parse(value.ToString("R", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture) : value;

    public string String(string name, string fallback) => Find(name, AttributeType.String)?.S.ToStringUtf8() ?? fallback;

    public long[]? Ints(string name) => Find(name, AttributeType.Ints)?.Ints.ToArray();

    public float[]? Floats(string name) => Find(name, AttributeType.Floats)?.Floats.ToArray();

    public TensorProto? Tensor(string name) => Find(name, AttributeType.Tensor)?.T;

    /// <summary>The names of attributes present, for refusing one the mapping does not understand.</summary>
    public IEnumerable<string> Names => node.Attribute.Select(a => a.Name);
}
