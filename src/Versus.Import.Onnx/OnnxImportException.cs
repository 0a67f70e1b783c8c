namespace Versus.Import.Onnx;

/// <summary>
/// An ONNX file Versus cannot take as a workload, with one line for the user: what is wrong (naming the node, value or
/// tensor) and what is allowed. Thrown inside the importer and converted to a validation error at its boundary.
/// </summary>
public sealed class OnnxImportException : Exception
{
    public OnnxImportException(string message) : base(message)
    {
    }

    public OnnxImportException(string message, Exception inner) : base(message, inner)
    {
    }

    public OnnxImportException()
    {
    }
}
