using Microsoft.ML.OnnxRuntime;
using Versus.Export.Onnx;

namespace Versus.Engines.OnnxRuntime.Tests;

/// <summary>ONNX Runtime's own matrix-product peak: the model it times is a real product, and timing it works.</summary>
public sealed class MatmulPeakTests
{
    [Fact]
    public void Should_MultiplyTheMatrices_When_TheMatmulModelRuns()
    {
        using var session = new InferenceSession(MatmulModel.Bytes(2));
        using var a = OrtValue.CreateTensorValueFromMemory(new float[] { 1, 2, 3, 4 }, [2, 2]);
        using var b = OrtValue.CreateTensorValueFromMemory(new float[] { 5, 6, 7, 8 }, [2, 2]);
        using var options = new RunOptions();

        using var outputs = session.Run(options, [MatmulModel.Left, MatmulModel.Right], [a, b], [MatmulModel.Product]);

        // [[1, 2], [3, 4]] x [[5, 6], [7, 8]] = [[1x5 + 2x7, 1x6 + 2x8], [3x5 + 4x7, 3x6 + 4x8]].
        Assert.Equal([19f, 22f, 43f, 50f], outputs[0].GetTensorDataAsSpan<float>().ToArray());
    }

    [Fact]
    public void Should_TimeAMatrixProduct_When_AskedForThePeak()
    {
        using var engine = new OnnxRuntimeEngineProvider().Load(2);

        var seconds = Enumerable.Range(0, 3).Select(_ => engine.TimeMatmul(512)).Min();
        var again = engine.TimeMatmul(256);

        // 2 x 512^3 = 268 MFLOP: between a microsecond (268 TFLOP/s, beyond any CPU) and 5 s (54 MFLOP/s).
        Assert.InRange(seconds, 1e-6, 5);
        Assert.InRange(again, 1e-7, 5);
    }

    [Fact]
    public void Should_RefuseATiming_When_TheEngineIsDisposed()
    {
        var engine = new OnnxRuntimeEngineProvider().Load(1);
        engine.Dispose();

        Assert.Throws<ObjectDisposedException>(() => engine.TimeMatmul(64));
    }
}
