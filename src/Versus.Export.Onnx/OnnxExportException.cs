namespace Versus.Export.Onnx;

/// <summary>A spec or weight set that cannot be written as ONNX, with the reason naming the node or tensor.</summary>
public sealed class OnnxExportException : Exception
{
    public OnnxExportException(string message) : base(message)
    {
    }

    public OnnxExportException(string message, Exception inner) : base(message, inner)
    {
    }

    public OnnxExportException()
    {
    }
}
