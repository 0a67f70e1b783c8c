using System.Text.Json;

namespace Versus.Engines.Tfjs.Tests;

/// <summary>
/// worker/lib/layout.js, the one place canonical (PyTorch) layout becomes TensorFlow's, on arrays small enough to
/// write the expected result by hand: each value is its canonical flat index, so the output shows where it went.
/// </summary>
public sealed class LayoutTests
{
    [SkippableFact]
    public async Task Should_TransposeOihwToHwio_When_ConvertingAConvKernel()
    {
        // [out 2, in 1, 2, 2] -> [2, 2, in 1, out 2]: element (y, x, i, o) is canonical ((o * 1 + i) * 2 + y) * 2 + x.
        var actual = await Convert("convKernelToHwio(seq(8), [2, 1, 2, 2])");

        Assert.Equal([0, 4, 1, 5, 2, 6, 3, 7], actual);
    }

    [SkippableFact]
    public async Task Should_MoveEachInputsFiltersTogether_When_ConvertingADepthwiseKernel()
    {
        // [out 4 = in 2 x multiplier 2, 1, 1, 2] -> [1, 2, in 2, m 2]: element (0, x, i, k) is canonical (i * 2 + k) * 2 + x.
        var actual = await Convert("depthwiseKernelToHwim(seq(8), [4, 1, 1, 2], 2)");

        Assert.Equal([0, 2, 4, 6, 1, 3, 5, 7], actual);
    }

    [SkippableFact]
    public async Task Should_TakeOneGroupsFilters_When_ConvertingAGroupedKernel()
    {
        // [out 4, in/groups 1, 1, 2] in 2 groups: group 1 is filters 2 and 3 (canonical 4..7), as [1, 2, 1, 2].
        var actual = await Convert("groupKernelToHwio(seq(8), [4, 1, 1, 2], 2, 1)");

        Assert.Equal([4, 6, 5, 7], actual);
    }

    [SkippableFact]
    public async Task Should_TransposeOutInToInOut_When_ConvertingADenseKernelAfterAVector()
    {
        var actual = await Convert("denseKernelToInOut(seq(6), [2, 3], null)");

        Assert.Equal([0, 3, 1, 4, 2, 5], actual);
    }

    [SkippableFact]
    public async Task Should_ReorderRowsFromChwToHwc_When_TheDenseLayerFollowsAFlatten()
    {
        // One output, a 2-channel 2x3 map: TensorFlow's input i = (h * 3 + w) * 2 + c reads canonical c * 6 + h * 3 + w.
        var actual = await Convert("denseKernelToInOut(seq(12), [1, 12], { channels: 2, height: 2, width: 3 })");

        Assert.Equal([0, 6, 1, 7, 2, 8, 3, 9, 4, 10, 5, 11], actual);
    }

    [SkippableFact]
    public async Task Should_RejectTheKernel_When_TheFlattenedShapeDoesNotMatchItsInputs()
    {
        var json = await NodeScript.RunAsync("""
            const { denseKernelToInOut } = require('./lib/layout');
            try { denseKernelToInOut(new Float32Array(10), [1, 10], { channels: 2, height: 2, width: 3 }); console.log('accepted'); }
            catch (e) { console.log(JSON.stringify(e.message)); }
            """);

        Assert.Contains("cannot follow a flatten of 2x2x3", json);
    }

    [SkippableTheory]
    [InlineData("convKernelFromHwio(convKernelToHwio(seq(24), [3, 2, 2, 2]), [2, 2, 2, 3])", 24)]
    [InlineData("denseKernelFromInOut(denseKernelToInOut(seq(6), [2, 3], null), [3, 2], null)", 6)]
    [InlineData("denseKernelFromInOut(denseKernelToInOut(seq(24), [2, 12], f), [12, 2], f)", 24)]
    public async Task Should_GiveBackTheCanonicalKernel_When_ConvertingThereAndBack(string call, int length)
    {
        var actual = await Convert(call);

        Assert.Equal(Enumerable.Range(0, length).Select(i => (float)i), actual);
    }

    [SkippableTheory]
    [InlineData(0.1, 0.9)]
    [InlineData(0.01, 0.99)]
    public async Task Should_KeepTheComplementOfPyTorchsMomentum_When_MappingBatchNorm(double pytorch, double keras)
    {
        TfjsTestEnvironment.RequireEngine();
        var json = await NodeScript.RunAsync($"console.log(require('./lib/layout').kerasBatchNormMomentum({pytorch.ToString(System.Globalization.CultureInfo.InvariantCulture)}))");

        Assert.Equal(keras, double.Parse(json, System.Globalization.CultureInfo.InvariantCulture), 12);
    }

    private static async Task<float[]> Convert(string call)
    {
        TfjsTestEnvironment.RequireEngine();
        var json = await NodeScript.RunAsync($$"""
            const { convKernelToHwio, depthwiseKernelToHwim, groupKernelToHwio, denseKernelToInOut, convKernelFromHwio, denseKernelFromInOut, depthwiseKernelFromHwim } = require('./lib/layout');
            const seq = (n) => Float32Array.from({ length: n }, (_, i) => i);
            const f = { channels: 2, height: 2, width: 3 };
            console.log(JSON.stringify(Array.from({{call}})));
            """);
        return JsonSerializer.Deserialize<float[]>(json)!;
    }
}
