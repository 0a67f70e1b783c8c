namespace Versus.Reports.Verdict;

/// <summary>
/// What the run says about native TensorFlow (libtensorflow kernels, as tf.keras or tfjs-node use them): they ran only if
/// an engine reported backend "tensorflow". <see cref="TensorFlowRuns"/> names what did run for TensorFlow ("tfjs
/// 4.22.0, backend webgl, device llvmpipe (software-gpu)"); <see cref="Statement"/> says it in plain words.
/// </summary>
public sealed record NativeTensorFlowCaveat(bool NativeKernelsRan, IReadOnlyList<string> TensorFlowRuns, string Statement);
