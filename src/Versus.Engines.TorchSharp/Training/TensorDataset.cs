using TorchSharp;
using Versus.Core.Data;
using static TorchSharp.torch;

namespace Versus.Engines.TorchSharp.Training;

/// <summary>The dataset converted once to libtorch tensors: images float32 N x C x H x W scaled x / 255, labels int64.</summary>
internal sealed class TensorDataset : IDisposable
{
    private TensorDataset(Tensor trainImages, Tensor trainLabels, Tensor testImages, Tensor testLabels)
    {
        TrainImages = trainImages;
        TrainLabels = trainLabels;
        TestImages = testImages;
        TestLabels = testLabels;
    }

    public Tensor TrainImages { get; }

    public Tensor TrainLabels { get; }

    public Tensor TestImages { get; }

    public Tensor TestLabels { get; }

    public int TestCount => (int)TestLabels.shape[0];

    public static TensorDataset From(Dataset dataset)
    {
        var shape = dataset.ImageShape;
        using var scope = NewDisposeScope();
        var result = new TensorDataset(
            Images(dataset.Train, shape.Channels, shape.Height, shape.Width),
            Labels(dataset.Train),
            Images(dataset.Test, shape.Channels, shape.Height, shape.Width),
            Labels(dataset.Test));
        scope.MoveToOuter(result.TrainImages, result.TrainLabels, result.TestImages, result.TestLabels);
        return result;
    }

    private static Tensor Images(ImageSet set, int channels, int height, int width) =>
        tensor(set.Pixels, [set.Count, channels, height, width], ScalarType.Byte).to_type(ScalarType.Float32).div_(255f);

    private static Tensor Labels(ImageSet set) => tensor(set.Labels, [set.Count], ScalarType.Int32).to_type(ScalarType.Int64);

    public void Dispose()
    {
        TrainImages.Dispose();
        TrainLabels.Dispose();
        TestImages.Dispose();
        TestLabels.Dispose();
    }
}
