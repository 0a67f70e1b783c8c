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

        var threads = Number(raw.Threads, "--threads", 1, 4096, Environment.ProcessorCount, $"(this machine has {Environment.ProcessorCount} logical cores)", errors);
        var epochs = raw.Epochs is null ? (int?)null : Number(raw.Epochs, "--epochs", 1, 10_000, 1, "", errors);
        var seed = (uint)Number(raw.Seed, "--seed", 0, int.MaxValue, (int)DefaultSeed, "", errors);

        var profile = raw.Quick ? MeasurementProfile.Quick : MeasurementProfile.Full;
        if (epochs is not null) profile = profile with { Epochs = epochs };
        if (raw.Data is not null) CheckData(raw.Data, workloads, errors);
        errors.AddRange(RunPlanner.CheckMemory(workloads, profile, availableMemoryBytes));
        var priorities = raw.Priorities is null ? Reports.Verdict.Priorities.Default : Reports.Verdict.Priorities.Parse(raw.Priorities) switch
        {
            { Priorities: { } parsed } => parsed,
            var failed => Fail(failed.Errors),
        };
        var outDir = raw.Out ?? Path.Combine("versus-results", DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        if (errors.Count == 0) CheckWritable(outDir, errors);

        return errors.Count > 0
            ? (null, errors)
            : (new RunSettings(selected, workloads, profile, threads, seed, raw.Data, Path.GetFullPath(outDir), requested, priorities?.ToRecord()), []);

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

    /// <summary>Reads the IDX files completely now, so a truncated or damaged file is refused before a run is stored.</summary>
    private static void CheckData(string path, IReadOnlyList<Workload> workloads, List<ValidationError> errors)
    {
        try
        {
            var (shape, _, _) = IdxDataset.Inspect(path);
            var fitting = workloads.Where(w => w.Spec.Input == shape).ToList();
            if (workloads.Count > 0 && fitting.Count == 0)
                errors.Add(new ValidationError("--data", path, $"holds {shape} images but no selected workload takes that input ({string.Join(", ", workloads.Select(w => $"{w.Id}: {w.Spec.Input}"))})"));
            else if (fitting.Count > 0)
                IdxDataset.Load(new DataSource(DataSource.Idx, 0, 0, 0, path), fitting.Min(w => w.Spec.Classes));
        }
        catch (ValidationException e)
        {
            errors.AddRange(e.Errors.Select(x => new ValidationError("--data", x.Source, x.Message)));
        }
        catch (IOException e)
        {
            errors.Add(new ValidationError("--data", path, $"cannot be read ({e.Message})"));
        }
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
