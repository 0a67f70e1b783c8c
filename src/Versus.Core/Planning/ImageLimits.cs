namespace Versus.Core.Planning;

/// <summary>
/// At most this many training and test images (<c>--train-images</c>, <c>--test-images</c>): the first N of a real
/// dataset, or N generated. Null: all of a real dataset, the profile's counts of generated data.
/// </summary>
public sealed record ImageLimits(int? Train, int? Test)
{
    public static readonly ImageLimits None = new(null, null);
}
