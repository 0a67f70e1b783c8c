using Google.Protobuf;
using Onnx;

namespace Versus.Import.Onnx.Reading;

/// <summary>
/// Reads an .onnx file as an ONNX ModelProto and checks what must hold before any node is looked at: the size limit,
/// that it parses as ONNX at all (a truncated file usually does not; one cut between fields parses but lacks its graph
/// or opset), one default-domain opset in the supported range, and weights stored inside the file.
/// </summary>
internal static class OnnxModelFile
{
    public static ModelProto Read(string path, OnnxImportOptions options)
    {
        long length;
        try
        {
            length = new FileInfo(path).Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new OnnxImportException($"cannot be read ({e.Message})", e);
        }
        if (length > options.MaxFileBytes)
            throw new OnnxImportException($"is {length:N0} bytes; an ONNX model is read up to {options.MaxFileBytes:N0} bytes (weights in external data files are not supported)");
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OnnxImportException($"cannot be read ({e.Message})", e);
        }
        return Parse(bytes);
    }

    public static ModelProto Parse(byte[] bytes)
    {
        ModelProto model;
        try
        {
            model = ModelProto.Parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new OnnxImportException($"is not an ONNX model or is truncated (the protobuf does not parse: {e.Message.Split('.')[0]})", e);
        }
        return Check(model);
    }

    public static ModelProto Check(ModelProto model)
    {
        if (model.Graph is null || model.IrVersion <= 0 || model.OpsetImport.Count == 0)
            throw new OnnxImportException("is not an ONNX model or is truncated (it has no "
                + (model.Graph is null ? "graph" : model.IrVersion <= 0 ? "IR version" : "opset import") + ")");
        CheckOpset(model);
        return model;
    }

    private static void CheckOpset(ModelProto model)
    {
        var others = model.OpsetImport.Where(o => o.Domain is not ("" or "ai.onnx")).Select(o => o.Domain).ToList();
        var used = model.Graph.Node.Where(n => others.Contains(n.Domain)).Select(n => n.Domain).Distinct().ToList();
        if (used.Count > 0)
            throw new OnnxImportException($"uses operator domain '{used[0]}'; only the default ONNX domain (ai.onnx) is supported");
        var opset = Opset(model);
        if (opset is < OnnxImportOptions.MinOpset or > OnnxImportOptions.MaxOpset)
            throw new OnnxImportException($"has opset {opset}; supported: {OnnxImportOptions.MinOpset} to {OnnxImportOptions.MaxOpset} (re-export with torch.onnx.export(..., opset_version=13) or convert with onnx.version_converter)");
    }

    public static long Opset(ModelProto model) =>
        model.OpsetImport.Where(o => o.Domain is "" or "ai.onnx").Select(o => o.Version).DefaultIfEmpty(0).Max();
}
