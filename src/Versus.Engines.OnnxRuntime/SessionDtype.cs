using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Versus.Engines.OnnxRuntime;

/// <summary>
/// The element type a session computes in, as ONNX Runtime reports it for the model's input and output: the exporter
/// writes float32, and this is what the runtime actually took, so a model that arrived in another type says so.
/// </summary>
internal static class SessionDtype
{
    public static string Of(InferenceSession session)
    {
        var types = session.InputMetadata.Values.Concat(session.OutputMetadata.Values)
            .Where(m => m.IsTensor).Select(m => Name(m.ElementDataType)).Distinct().ToList();
        return types.Count switch
        {
            0 => "unknown (the session has no tensor input or output)",
            1 => types[0],
            _ => $"{Name(session.InputMetadata.Values.First().ElementDataType)} in, " +
                 $"{Name(session.OutputMetadata.Values.First().ElementDataType)} out",
        };
    }

    /// <summary>The names TorchSharp and TensorFlow.js use for the same types, so the three engines' records read alike.</summary>
    private static string Name(TensorElementType type) => type switch
    {
        TensorElementType.Float => "float32",
        TensorElementType.Float16 => "float16",
        TensorElementType.BFloat16 => "bfloat16",
        TensorElementType.Double => "float64",
        _ => type.ToString().ToLowerInvariant(),
    };
}
