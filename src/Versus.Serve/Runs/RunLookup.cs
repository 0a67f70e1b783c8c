using Microsoft.AspNetCore.Http;
using Versus.Core.Parity;
using Versus.Core.Results;
using Versus.Serve.Pages;
using Versus.Store;

namespace Versus.Serve.Runs;

/// <summary>
/// A run named by a request, found in the store or refused with a page that says why (malformed id, not stored, a prefix
/// that matches several). Parity is recomputed from the measurements, as 'versus report' does.
/// </summary>
internal static class RunLookup
{
    public static async Task<(RunResults? Run, IResult? Problem)> LoadAsync(IResultStore store, string? id, string what, CancellationToken cancellationToken)
    {
        if (!RunIds.IsWellFormed(id))
        {
            return (null, ErrorPage.Result(StatusCodes.Status404NotFound, "Run not found",
                $"{what}: '{Shorten(id)}' is not a run id (letters, digits, '-' and '_' only)."));
        }
        RunResults? stored;
        try
        {
            stored = await store.LoadRunAsync(id!, cancellationToken);
        }
        catch (AmbiguousRunIdException e)
        {
            return (null, ErrorPage.Result(StatusCodes.Status404NotFound, "Run not found", e.Message));
        }
        if (stored is null)
        {
            return (null, ErrorPage.Result(StatusCodes.Status404NotFound, "Run not found",
                $"{what}: run '{id}' is not stored in this dashboard's store."));
        }
        return (stored with { Parity = ParityAnalyzer.Analyze(stored.Measurements) }, null);
    }

    private static string Shorten(string? id) => id is null ? "" : id.Length > 60 ? id[..60] + "…" : id;
}
