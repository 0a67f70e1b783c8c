using System.Text.Json.Serialization;

namespace Versus.Core.Engines;

/// <summary>
/// What <see cref="EngineInfo.Threads"/> means for the engine that reported it: one figure has one meaning only when
/// it says whether the count was read back, merely set, or not in Versus' hands at all.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<ThreadControl>))]
public enum ThreadControl
{
    /// <summary>Set, then read back from the engine (libtorch's get_num_threads, the wasm backend's getThreadsCount).</summary>
    [JsonStringEnumMemberName("applied")]
    Applied,

    /// <summary>Set in the engine's options or environment before it loaded, with no way to read it back (ONNX Runtime's
    /// session options; tfjs-node's TF_NUM_INTRAOP_THREADS and TF_NUM_INTEROP_THREADS).</summary>
    [JsonStringEnumMemberName("configured")]
    Configured,

    /// <summary>The engine chooses, whatever was asked: the count is what it is known to use (TensorFlow.js' JavaScript
    /// kernels run on one thread).</summary>
    [JsonStringEnumMemberName("not-controlled")]
    NotControlled,

    /// <summary>The kernels run on a GPU API (WebGL, WebGPU): CPU threads do not size them.</summary>
    [JsonStringEnumMemberName("not-cpu-threads")]
    NotCpuThreads,
}
