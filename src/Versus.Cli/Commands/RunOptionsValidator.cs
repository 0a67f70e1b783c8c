using System.Globalization;
using Versus.Core.Data;
using Versus.Core.Engines;
using Versus.Core.Measurement;
using Versus.Core.Planning;
using Versus.Core.Validation;

namespace Versus.Cli.Commands;

/// <summary>Checks every option of "versus run" and reports all problems at once; success gives trusted <see cref="RunSettings"/>.</summary>
public static class RunOptionsValidator
{
    public const uint DefaultSeed = 42;

    public static (RunSettings? Settings, IReadOnlyList<ValidationError> Errors) Validate(
        RunCommandSettings raw, IReadOnlyList<IEngineProvider> engines, WorkloadCatalog catalog, long availableMemoryBytes)
    {
        var errors = new List<ValidationError>();
        var selected = SelectEngines(raw.Engines, engines, errors);
        IReadOnlyList<string> requested = raw.Workloads is null ? (raw.Quick ? WorkloadCatalog.QuickSuite : WorkloadCatalog.DefaultSuite) : SplitList(raw.Workloads);
        if (raw.Workloads is not null && requested.Count == 0)
            errors.Add(new ValidationError("--workloads", "", "is empty; give workload ids, depth-N, or spec file paths"));
        var (workloads, workloadErrors) = catalog.Resolve(requested);
        errors.AddRange(workloadErrors);

        var threads = Number(raw.Threads, "--threads", ThreadCount.Min, ThreadCount.Max, Environment.ProcessorCount, $"(this machine has {Environment.ProcessorCount} logical cores)", errors);
        var epochs = Epochs(raw.Epochs, errors);
        var seed = (uint)Number(raw.Seed, "--seed", 0, int.MaxValue, (int)DefaultSeed, "", errors);

        var limits = new ImageLimits(Limit(raw.TrainImages, "--train-images", errors), Limit(raw.TestImages, "--test-images", errors));

        var profile = raw.Quick ? MeasurementProfile.Quick : MeasurementProfile.Full;
        if (epochs is not null) profile = profile with { Epochs = epochs };
        var idx = raw.Data is null ? null : CheckData(raw.Data, workloads, errors);
        if (idx is { } counts) CheckLimits(limits, counts, raw.Data!, errors);
        // The most images any workload holds: the IDX files' (or their limits) and generated data's (or its limits).
        var images = Math.Max(
            (long)(limits.Train ?? Math.Max(profile.TrainCount, idx?.Train ?? 0)) + (limits.Test ?? Math.Max(profile.TestCount, idx?.Test ?? 0)),
            (long)(limits.Train ?? profile.TrainCount) + (limits.Test ?? profile.TestCount));
        errors.AddRange(RunPlanner.CheckMemory(workloads, images, availableMemoryBytes));
        var priorities = raw.Priorities is null ? Reports.Verdict.Priorities.Default : Reports.Verdict.Priorities.Parse(raw.Priorities) switch
        {
            { Priorities: { } parsed } => parsed,
            var failed => Fail(failed.Errors),
        };
        var outDir = raw.Out ?? Path.Combine("versus-results", DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        if (errors.Count == 0) CheckWritable(outDir, errors);

        return errors.Count > 0
            ? (null, errors)
            : (new RunSettings(selected, workloads, profile, threads, seed, raw.Data, Path.GetFullPath(outDir), requested, priorities?.ToRecord(), limits), []);

        Reports.Verdict.Priorities? Fail(IReadOnlyList<ValidationError> problems)
        {
            errors.AddRange(problems);
            return null;
        }
    }

    private static List<IEngineProvider> SelectEngines(string? list, IReadOnlyList<IEngineProvider> engines, List<ValidationError> errors)
    {
        if (list is null) return [.. engines.Where(e => e.IncludedByDefault)];
        var selected = new List<IEngineProvider>();
        foreach (var id in SplitList(list))
        {
            var engine = engines.FirstOrDefault(e => e.Id == id);
            if (engine is null)
                errors.Add(new ValidationError("--engines", id, $"is not an engine; known: {string.Join(", ", engines.Select(e => e.Id))} (see 'versus list')"));
            else if (!selected.Contains(engine))
                selected.Add(engine);
        }
        if (selected.Count == 0 && errors.Count == 0)
            errors.Add(new ValidationError("--engines", "", "is empty; give at least one engine id"));
        return selected;
    }

    private static int Number(string? text, string option, int min, int max, int fallback, string hint, List<ValidationError> errors)
    {
        if (text is null) return fallback;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max) return value;
        errors.Add(new ValidationError(option, text, $"is not a whole number from {min} to {max} {hint}".TrimEnd()));
        return fallback;
    }

    /// <summary>
    /// Reads the IDX files completely now, so a truncated or damaged file is refused before a run is stored. Returns
    /// their image counts when they are usable.
    /// </summary>
    private static (int Train, int Test)? CheckData(string path, IReadOnlyList<Workload> workloads, List<ValidationError> errors)
    {
        try
        {
            var (shape, train, test) = IdxDataset.Inspect(path);
            var fitting = workloads.Where(w => w.Spec.Input == shape).ToList();
            if (workloads.Count > 0 && fitting.Count == 0)
                errors.Add(new ValidationError("--data", path, $"holds {shape} images but no selected workload takes that input ({string.Join(", ", workloads.Select(w => $"{w.Id}: {w.Spec.Input}"))})"));
            else if (fitting.Count > 0)
                IdxDataset.Load(new DataSource(DataSource.Idx, 0, 0, 0, path), fitting.Min(w => w.Spec.Classes));
            return (train, test);
        }
        catch (ValidationException e)
        {
            errors.AddRange(e.Errors.Select(x => new ValidationError("--data", x.Source, x.Message)));
        }
        catch (IOException e)
        {
            errors.Add(new ValidationError("--data", path, $"cannot be read ({e.Message})"));
        }
        return null;
    }

    /// <summary>Absent: the workload's own (the profile's). The rule is <see cref="EpochCount"/>'s, shared with the dashboard's form.</summary>
    private static int? Epochs(string? text, List<ValidationError> errors)
    {
        if (text is null) return null;
        if (EpochCount.TryParse(text, out var epochs)) return epochs;
        errors.Add(new ValidationError("--epochs", text, EpochCount.Allowed));
        return null;
    }

    /// <summary>An image limit is a whole number from 1; absent, a real dataset is used whole.</summary>
    private static int? Limit(string? text, string option, List<ValidationError> errors) =>
        text is null ? null : Number(text, option, 1, int.MaxValue, 1, "(images; leave it out to use every image of --data)", errors);

    /// <summary>A limit beyond the files' count would silently mean "all": refused, naming the count there is.</summary>
    private static void CheckLimits(ImageLimits limits, (int Train, int Test) available, string path, List<ValidationError> errors)
    {
        if (limits.Train is int train && train > available.Train)
            errors.Add(new ValidationError("--train-images", train.ToString(CultureInfo.InvariantCulture),
                $"is more than the {available.Train} training images in {path}; give at most {available.Train}, or leave it out to use them all"));
        if (limits.Test is int test && test > available.Test)
            errors.Add(new ValidationError("--test-images", test.ToString(CultureInfo.InvariantCulture),
                $"is more than the {available.Test} test images in {path}; give at most {available.Test}, or leave it out to use them all"));
    }

    private static void CheckWritable(string directory, List<ValidationError> errors)
    {
        try
        {
            Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, $".write-test-{Environment.ProcessId}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add(new ValidationError("--out", directory, $"is not writable ({e.Message}); choose a folder you can write to"));
        }
    }

    private static List<string> SplitList(string list) =>
        [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
