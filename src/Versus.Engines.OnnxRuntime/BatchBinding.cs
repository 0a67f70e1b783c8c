using Microsoft.ML.OnnxRuntime;
using Versus.Core.Models;

namespace Versus.Engines.OnnxRuntime;

/// <summary>
/// Input and output buffers for one batch size, bound once to the session: a run copies pixels into
/// <see cref="Input"/>, runs, and reads <see cref="Output"/>, so the timed path allocates no tensors and no arrays.
/// The OrtValues wrap the managed arrays (pinned for their lifetime), so ONNX Runtime reads and writes them in place.
/// </summary>
internal sealed class BatchBinding : IDisposable
{
    private readonly OrtValue inputValue;
    private readonly OrtValue outputValue;
    private readonly OrtIoBinding binding;

    public BatchBinding(InferenceSession session, string inputName, string outputName, int batch, ActivationShape image, int classes)
    {
        Batch = batch;
        Input = new float[batch * image.Elements];
        Output = new float[batch * classes];
        inputValue = OrtValue.CreateTensorValueFromMemory(Input, [batch, image.Channels, image.Height, image.Width]);
        outputValue = OrtValue.CreateTensorValueFromMemory(Output, [batch, classes]);
        binding = session.CreateIoBinding();
        binding.BindInput(inputName, inputValue);
        binding.BindOutput(outputName, outputValue);
    }

    public int Batch { get; }

    public float[] Input { get; }

    public float[] Output { get; }

    /// <summary>Returns when the logits are in <see cref="Output"/>: CPU execution is synchronous.</summary>
    public void Run(InferenceSession session, RunOptions options) => session.RunWithBinding(options, binding);

    public void Dispose()
    {
        binding.Dispose();
        inputValue.Dispose();
        outputValue.Dispose();
    }
}
