using System.Text.Json;

namespace Versus.Engines.Tfjs.Tests;

/// <summary>
/// worker/lib/pool-geometry.js: where PyTorch's pooling windows fall with padding and ceil mode, which the worker turns
/// into explicit padding, an overhang and per-window divisors around Keras' 'valid' pools.
/// </summary>
public sealed class PoolGeometryTests
{
    [SkippableTheory]
    [InlineData(10, 1, 1, 3, 2, false, 5)]
    [InlineData(10, 1, 1, 3, 2, true, 6)]
    [InlineData(5, 0, 0, 2, 2, true, 3)]
    // Ceil mode's last window may not start in the trailing padding: 5 + 1 + 1, kernel 2, stride 2 gives 3, not 4.
    [InlineData(5, 1, 1, 2, 2, true, 3)]
    public async Task Should_CountWindowsAsPyTorch_When_PaddedOrInCeilMode(int size, int before, int after, int kernel, int stride, bool ceil, int expected)
    {
        var actual = await Evaluate<int>($"poolWindows({size}, {before}, {after}, {kernel}, {stride}, {Js(ceil)})");

        Assert.Equal(expected, actual);
    }

    [SkippableTheory]
    [InlineData(10, 1, 1, 3, 2, false, 0)]
    [InlineData(10, 1, 1, 3, 2, true, 1)]
    [InlineData(5, 0, 0, 2, 2, true, 1)]
    public async Task Should_PadTheLastWindowsOverhang_When_InCeilMode(int size, int before, int after, int kernel, int stride, bool ceil, int expected)
    {
        var actual = await Evaluate<int>($"poolOverhang({size}, {before}, {after}, {kernel}, {stride}, {Js(ceil)})");

        Assert.Equal(expected, actual);
    }

    [SkippableTheory]
    // 10 + 1 + 1 padded, kernel 3, stride 2, ceil: windows start at 0, 2, ..., 10; the first holds one padding, the last
    // one padding and one overhang position.
    [InlineData(false, new[] { 2, 3, 3, 3, 3, 1 })]
    [InlineData(true, new[] { 3, 3, 3, 3, 3, 2 })]
    public async Task Should_DivideByWhatEachWindowCovers_When_AveragingWithPadding(bool countIncludePad, int[] expected)
    {
        var actual = await Evaluate<int[]>($"poolDivisors(10, 1, 1, 3, 2, true, {Js(countIncludePad)})");

        Assert.Equal(expected, actual);
    }

    private static string Js(bool value) => value ? "true" : "false";

    private static async Task<T> Evaluate<T>(string call)
    {
        TfjsTestEnvironment.RequireEngine();
        var json = await NodeScript.RunAsync($$"""
            const { poolWindows, poolOverhang, poolDivisors } = require('./lib/pool-geometry');
            console.log(JSON.stringify({{call}}));
            """);
        return JsonSerializer.Deserialize<T>(json)!;
    }
}
