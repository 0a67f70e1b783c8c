using Google.Protobuf;
using Onnx;

namespace Versus.Import.Onnx.Tests;

/// <summary>Writes a built model to a file in a temporary folder and imports it as the CLI would.</summary>
public sealed class ImportHelper : IDisposable
{
    private readonly TempDirectory temp = new();

    public string Save(ModelProto model, string name = "model.onnx")
    {
        var path = temp.File(name);
        File.WriteAllBytes(path, model.ToByteArray());
        return path;
    }

    public string SaveBytes(byte[] bytes, string name = "model.onnx")
    {
        var path = temp.File(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public ImportedModel Imported(ModelProto model)
    {
        var (imported, errors) = OnnxImporter.TryImport(Save(model));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        return imported!;
    }

    /// <summary>The one error the import gives, as the CLI prints it.</summary>
    public string Refused(string path, OnnxImportOptions? options = null)
    {
        var (imported, errors) = OnnxImporter.TryImport(path, options);
        Assert.Null(imported);
        var error = Assert.Single(errors);
        Assert.DoesNotContain('\n', error.ToString());
        return error.ToString();
    }

    public string Folder => temp.Path;

    public void Dispose() => temp.Dispose();
}
