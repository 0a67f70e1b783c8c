using System.Globalization;
using Versus.Core.Data;
using Versus.Core.Measurement;

namespace Versus.Core.Planning;

/// <summary>
/// What a workload trained and was tested on, in the words the run header uses: how many images of how many, and why
/// that many (all of the files, a limit the user gave, or the profile's counts of generated data).
/// </summary>
public static class DataDescription
{
    /// <param name="available">The IDX files' counts where the data is real; null for generated data.</param>
    /// <param name="whyGenerated">Why generated data stands in for the IDX files given (their image shape), if it does.</param>
    public static string Of(DataSource data, (int Train, int Test)? available, ImageLimits limits, MeasurementProfile profile,
        string? whyGenerated = null)
    {
        if (available is { } all)
        {
            return $"IDX files in {data.Path}: {Real(data.TrainCount, all.Train, limits.Train, "training", "--train-images")} and " +
                $"{Real(data.TestCount, all.Test, limits.Test, "test", "--test-images")}";
        }
        var text = $"generated (seed {data.Seed.ToString(CultureInfo.InvariantCulture)}): " +
            $"{Generated(data.TrainCount, limits.Train, "training", "--train-images", profile)} and " +
            $"{Generated(data.TestCount, limits.Test, "test", "--test-images", profile)}";
        return whyGenerated is null ? text : $"{text}; {whyGenerated}";
    }

    private static string Real(int used, int available, int? limit, string kind, string option) =>
        used == available
            ? $"all {N(available)} {kind} images"
            : $"the first {N(used)} of {N(available)} {kind} images ({option} {N(limit ?? used)})";

    private static string Generated(int used, int? limit, string kind, string option, MeasurementProfile profile) =>
        limit is null ? $"{N(used)} {kind} images (the {profile.Name} profile's count)" : $"{N(used)} {kind} images ({option})";

    private static string N(int count) => count.ToString(CultureInfo.InvariantCulture);
}
