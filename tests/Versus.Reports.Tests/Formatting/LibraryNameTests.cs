using Versus.Reports.Formatting;

namespace Versus.Reports.Tests.Formatting;

/// <summary>The names the three real workers report, as they read in the report: each library and release said once.</summary>
public sealed class LibraryNameTests
{
    [Theory]
    [InlineData("ONNX Runtime", "ONNX Runtime 1.22.1", "ONNX Runtime 1.22.1")]
    [InlineData("PyTorch (libtorch) via TorchSharp", "TorchSharp 0.105.1 (libtorch 2.5.1)", "PyTorch (libtorch) via TorchSharp 0.105.1 (libtorch 2.5.1)")]
    [InlineData("TensorFlow.js 4.22 (Keras layers API)", "4.22.0", "TensorFlow.js 4.22.0 (Keras layers API)")]
    [InlineData("TensorFlow.js 4.22 on libtensorflow (tfjs-node)", "4.22.0", "TensorFlow.js 4.22.0 on libtensorflow (tfjs-node)")]
    [InlineData("TensorFlow.js 4.22 (Keras layers API)", "TensorFlow.js 4.22.0", "TensorFlow.js 4.22.0 (Keras layers API)")]
    [InlineData("TensorFlow.js", "4.22.0", "TensorFlow.js 4.22.0")]
    [InlineData("Scripted", "", "Scripted")]
    public void Should_NameTheLibraryAndReleaseOnce_When_FrameworkAndVersionOverlap(string framework, string version, string expected) =>
        Assert.Equal(expected, LibraryName.Of(framework, version));

    [Fact]
    public void Should_KeepBoth_When_TheyShareNothing() =>
        Assert.Equal("MyEngine 2.0-beta", LibraryName.Of("MyEngine", "2.0-beta"));
}
