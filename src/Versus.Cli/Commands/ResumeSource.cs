using System.Text.Json;
using Versus.Core.Results;
using Versus.Core.Validation;
using Versus.Store;

namespace Versus.Cli.Commands;

/// <summary>
/// A run to resume as both places kept it: its results.json (the complete record: a measurement reaches it before the
/// store) and the store's run. Either may be missing or behind; the measurements are their union by id.
/// </summary>
/// <param name="Run">The header with every finished measurement from either place.</param>
/// <param name="InStore">Whether the store has the run's header.</param>
/// <param name="Stored">Ids of the measurements the store already has.</param>
internal sealed record ResumeSource(RunResults Run, bool InStore, IReadOnlySet<string> Stored)
{
    /// <summary>
    /// The run that <paramref name="run"/> names (a run id or unique prefix in the store, or a results.json or its
    /// folder); null with the reason when there is none, or it cannot be resumed because it already finished.
    /// </summary>
    public static async Task<(ResumeSource? Source, ValidationError? Error)> LoadAsync(IResultStore store, string run, CancellationToken cancellationToken)
    {
        RunResults? fromFile = null, fromStore;
        try
        {
            var path = Directory.Exists(run) ? Path.Combine(run, "results.json") : run;
            if (File.Exists(path))
            {
                fromFile = ResultsJson.Deserialize<RunResults>(await File.ReadAllTextAsync(path, cancellationToken));
                fromStore = await store.LoadRunAsync(fromFile.RunId, cancellationToken);
                if (fromStore?.RunId != fromFile.RunId) fromStore = null;
            }
            else
            {
                fromStore = await store.LoadRunAsync(run, cancellationToken);
                if (fromStore is null)
                    return (null, Error(run, $"is neither a run in {store.Location} nor a results.json; 'versus history' lists the runs"));
                var saved = fromStore.Options.OutDirectory is { } folder ? Path.Combine(folder, "results.json") : null;
                if (saved is not null && File.Exists(saved))
                    fromFile = ResultsJson.Deserialize<RunResults>(await File.ReadAllTextAsync(saved, cancellationToken)) is { } read
                        && read.RunId == fromStore.RunId ? read : null;
            }
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return (null, Error(run, $"cannot be read as a run's results.json ({e.Message})"));
        }
        catch (AmbiguousRunIdException e)
        {
            return (null, Error(run, e.Message));
        }
        catch (StoreException e)
        {
            return (null, Error(run, $"cannot be looked up: {e.Message}"));
        }

        var header = (fromFile ?? fromStore)!;
        var states = new[] { fromFile?.Status, fromStore?.Status }.OfType<string>().Select(RunStates.Parse).ToList();
        if (states.FirstOrDefault(s => s?.IsFinished() == true) is { } finished)
            return (null, Error(run, $"is run {header.RunId}, which already finished ({finished.Wire()}); only a running (killed), cancelled or failed run can be resumed"));

        var measurements = new List<MeasurementRecord>(fromFile?.Measurements ?? []);
        var ids = measurements.Select(m => m.Id).ToHashSet();
        measurements.AddRange((fromStore?.Measurements ?? []).Where(m => !ids.Contains(m.Id)));
        var stored = (fromStore?.Measurements ?? []).Select(m => m.Id).ToHashSet();
        return (new ResumeSource(header with { Measurements = measurements }, fromStore is not null, stored), null);
    }

    private static ValidationError Error(string run, string message) => new("--resume", run, message);
}
