namespace Versus.Reports.Verdict;

/// <summary>How a framework reaches a deployment target according to its documentation (docs/scoring.md, rubric 1).</summary>
public enum SupportLevel
{
    /// <summary>Built into the framework, or the framework project's own runtime for that target (TensorFlow.js, torch.onnx).</summary>
    FirstParty,

    /// <summary>A separately installed package made for the framework (PyTorch/XLA for TPUs).</summary>
    AddOn,

    /// <summary>Another project's tool (tf2onnx, onnxruntime-web for an exported PyTorch model).</summary>
    ThirdParty,
}
