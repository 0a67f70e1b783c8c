using System.Text.Json.Serialization;

namespace Versus.Core.Engines;

/// <summary>
/// The framework an engine stands for in the deck's question ("TensorFlow or PyTorch?"): the verdict groups evidence by
/// family, never by engine id, so a second PyTorch engine (a Python worker) joins PyTorch's evidence by declaring it.
/// </summary>
public enum FrameworkFamily
{
    /// <summary>PyTorch's engine, libtorch, whatever the binding (TorchSharp here).</summary>
    [JsonStringEnumMemberName("pytorch")]
    PyTorch,

    /// <summary>TensorFlow: TensorFlow.js (any backend) or native libtensorflow.</summary>
    [JsonStringEnumMemberName("tensorflow")]
    TensorFlow,

    /// <summary>ONNX: a runtime for a model exported from either framework, the deck's "deploy via ONNX".</summary>
    [JsonStringEnumMemberName("onnx")]
    Onnx,
}
