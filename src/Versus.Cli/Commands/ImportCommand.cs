using System.ComponentModel;
using System.Data.Common;
using System.Text.Json;
using Spectre.Console.Cli;
using Versus.Cli.Console;
using Versus.Core.Results;
using Versus.Import.Onnx;
using Versus.Store;

namespace Versus.Cli.Commands;

/// <summary>
/// "versus import model.onnx [--out spec.json]" writes an ONNX model as a graph spec with its weights (<see cref="ModelImport"/>).
/// "versus import results.json": puts a run's results.json into the store, header, measurements, deployment rows and
/// final state, adding only what the store lacks, so importing twice changes nothing. It is how the results of a run
/// whose store failed (disk full, locked, server gone) reach the store once it works again.
/// </summary>
public sealed class ImportCommand : AsyncCommand<ImportCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandArgument(0, "<RESULTS>")]
        [Description("A run's results.json, or the run's folder; or an .onnx model to write as a workload spec.")]
        public string Results { get; init; } = "";

        [CommandOption("--out <FILE>")]
        [Description("With an .onnx model: the spec file to write (default: the model's name with .json); its weights go beside it as .safetensors.")]
        public string? Out { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (OnnxImporter.IsOnnxPath(settings.Results))
        {
            if (settings.Db is not null)
            {
                ErrorLine.Print("--db applies to importing a run's results.json; an .onnx model is written as a spec file (--out), not stored");
                return ExitCodes.BadInput;
            }
            return ModelImport.Run(settings.Results, settings.Out);
        }
        if (settings.Out is not null)
        {
            ErrorLine.Print($"--out applies to importing an .onnx model; '{settings.Results}' is imported into the results store (--db)");
            return ExitCodes.BadInput;
        }
        var path = Directory.Exists(settings.Results) ? Path.Combine(settings.Results, "results.json") : settings.Results;
        RunResults run;
        try
        {
            run = ResultsJson.Deserialize<RunResults>(await File.ReadAllTextAsync(path, cancellationToken));
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            ErrorLine.Print($"RESULTS '{settings.Results}' cannot be read as a run's results.json ({e.Message})");
            return ExitCodes.BadInput;
        }
        try
        {
            await using var store = await ResultStores.OpenAsync(settings.Db, cancellationToken);
            var (added, kept) = await ImportAsync(store, run, cancellationToken);
            System.Console.WriteLine($"imported run {run.RunId} ({run.Status}) into {store.Location}: {added} measurement(s) added, {kept} already stored");
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is StoreException or DbException or IOException)
        {
            ErrorLine.Print($"the store did not take run {run.RunId}: {e.Message}");
            return ExitCodes.StoreIncomplete;
        }
    }

    /// <summary>Adds what the store lacks of <paramref name="run"/>; returns how many measurements were added and already there.</summary>
    private static async Task<(int Added, int Kept)> ImportAsync(IResultStore store, RunResults run, CancellationToken cancellationToken)
    {
        var stored = await store.LoadRunAsync(run.RunId, cancellationToken) is { } found && found.RunId == run.RunId ? found : null;
        if (stored is null) await store.BeginRunAsync(run with { Measurements = [], Deployment = null, Parity = null }, cancellationToken);
        var have = (stored?.Measurements ?? []).Select(m => m.Id).ToHashSet();
        var missing = run.Measurements.Where(m => !have.Contains(m.Id)).ToList();
        foreach (var measurement in missing) await store.SaveMeasurementAsync(run.RunId, measurement, cancellationToken);
        // Saving a deployment row again replaces it (by target, engine and workload): the file's rows are the newer.
        foreach (var deployment in run.Deployment ?? []) await store.SaveDeploymentAsync(run.RunId, deployment, cancellationToken);
        if (RunStates.Parse(run.Status) is { } state && state != RunState.Running && stored?.Status != run.Status)
            await store.FinishRunAsync(run.RunId, run.Status, run.FinishedAt ?? DateTimeOffset.UtcNow, cancellationToken);
        return (missing.Count, run.Measurements.Count - missing.Count);
    }
}
