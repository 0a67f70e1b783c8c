using System.Globalization;
using Versus.Core.Data;
using Versus.Core.Results;
using Versus.Core.Validation;

namespace Versus.Cli.Commands;

/// <summary>
/// A run's recorded options turned back into the command line that started it, so a resumed run is planned by the same
/// validation and planner as a new one; and the options given beside --resume that contradict the recorded ones.
/// </summary>
internal static class StoredOptions
{
    public static RunCommandSettings ToSettings(RunOptionsRecord options, string outDirectory, string? db) => new()
    {
        Engines = string.Join(',', options.Engines),
        Workloads = string.Join(',', options.Workloads),
        Quick = options.Quick,
        NoDeploy = options.Deploy == false,
        Epochs = options.Epochs is { } epochs ? Text(epochs) : null,
        Threads = Text(options.Threads),
        Data = options.Data == DataSource.Generated ? null : options.Data,
        TrainImages = options.TrainImages is { } train ? Text(train) : null,
        TestImages = options.TestImages is { } test ? Text(test) : null,
        Seed = Text(options.Seed),
        Out = outDirectory,
        Db = db,
    };

    /// <summary>
    /// Each option given with --resume whose value differs from the run's: a resumed run keeps the settings it began
    /// with, or its measurements would not be one run's. Each names the option, the value given and the run's.
    /// </summary>
    public static IReadOnlyList<ValidationError> Conflicts(RunCommandSettings given, RunOptionsRecord recorded, string runId)
    {
        var errors = new List<ValidationError>();
        void Check(string option, string? value, string was, bool differs)
        {
            if (value is not null && differs)
                errors.Add(new ValidationError(option, value, $"differs from run {runId}'s {(was.Length == 0 ? "setting" : $"'{was}'")}: a resumed run keeps the settings it began with; start a new run to change them"));
        }
        void CheckNumber(string option, string? value, long? was, string none) =>
            Check(option, value, was is { } n ? Text(n) : none, value is not null && (Number(value) is not { } number || number != was));

        Check("--engines", given.Engines, string.Join(',', recorded.Engines), given.Engines is { } e && !List(e).SequenceEqual(recorded.Engines));
        Check("--workloads", given.Workloads, string.Join(',', recorded.Workloads), given.Workloads is { } w && !List(w).SequenceEqual(recorded.Workloads));
        CheckNumber("--threads", given.Threads, recorded.Threads, "");
        CheckNumber("--seed", given.Seed, recorded.Seed, "");
        CheckNumber("--epochs", given.Epochs, recorded.Epochs, "each workload's own epochs");
        CheckNumber("--train-images", given.TrainImages, recorded.TrainImages, "no limit");
        CheckNumber("--test-images", given.TestImages, recorded.TestImages, "no limit");
        Check("--data", given.Data, recorded.Data, given.Data is { } d && Path.GetFullPath(d) != recorded.Data && d != recorded.Data);
        Check("--quick", given.Quick ? "" : null, "", given.Quick && !recorded.Quick);
        Check("--no-deploy", given.NoDeploy ? "" : null, "", given.NoDeploy && recorded.Deploy != false);
        Check("--out", given.Out, recorded.OutDirectory ?? "", given.Out is { } o && Path.GetFullPath(o) != recorded.OutDirectory);
        Check("--priorities", given.Priorities, "", given.Priorities is not null);
        return errors;
    }

    /// <summary>A number as given on the command line ("042" is 42); null for text that is not one, which differs from every setting.</summary>
    private static long? Number(string text) =>
        long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static List<string> List(string text) => [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
