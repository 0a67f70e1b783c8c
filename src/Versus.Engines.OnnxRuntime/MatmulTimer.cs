using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using Versus.Export.Onnx;

namespace Versus.Engines.OnnxRuntime;

/// <summary>
/// Times one n x n fp32 matrix product as ONNX Runtime runs it: a one-node MatMul model in a session configured like
/// the workload's (same threads, same optimisation level). Operands and product are bound once per size, as the
/// workload's inputs and logits are, so a sample times the run alone.
/// </summary>
internal sealed class MatmulTimer(SessionSettings settings) : IDisposable
{
    private int size;
    private InferenceSession? session;
    private RunOptions? runOptions;
    private OrtIoBinding? binding;
    private readonly List<OrtValue> values = [];

    public double Time(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        if (n != size || session is null || binding is null) Prepare(n);
        var clock = Stopwatch.StartNew();
        // CPU execution is synchronous: the product is in its buffer when the run returns.
        session!.RunWithBinding(runOptions!, binding!);
        clock.Stop();
        return clock.Elapsed.TotalSeconds;
    }

    public void Dispose() => Release();

    private void Prepare(int n)
    {
        Release();
        using (var options = settings.Create()) session = new InferenceSession(MatmulModel.Bytes(n), options);
        runOptions = new RunOptions();
        binding = session.CreateIoBinding();
        var random = new Random(n);
        long[] shape = [n, n];
        foreach (var name in new[] { MatmulModel.Left, MatmulModel.Right })
        {
            var operand = new float[n * n];
            for (var i = 0; i < operand.Length; i++) operand[i] = random.NextSingle();
            var value = OrtValue.CreateTensorValueFromMemory(operand, shape);
            values.Add(value);
            binding.BindInput(name, value);
        }
        var product = OrtValue.CreateTensorValueFromMemory(new float[n * n], shape);
        values.Add(product);
        binding.BindOutput(MatmulModel.Product, product);
        size = n;
    }

    private void Release()
    {
        binding?.Dispose();
        foreach (var value in values) value.Dispose();
        values.Clear();
        runOptions?.Dispose();
        session?.Dispose();
        (binding, runOptions, session, size) = (null, null, null, 0);
    }
}
