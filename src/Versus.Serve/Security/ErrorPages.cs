using Microsoft.AspNetCore.Http;
using Versus.Serve.Pages;
using Versus.Store;

namespace Versus.Serve.Security;

/// <summary>
/// Failures as pages that say what happened and nothing of the server's insides: a request too large or malformed gets
/// its status (413, 400), a store problem its one-line message, anything else a plain 500 with no stack trace.
/// </summary>
public sealed class ErrorPages(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            var title = e.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request too large" : "Malformed request";
            await ErrorPage.WriteAsync(context, e.StatusCode, title, "The request was refused: " + e.Message);
        }
        catch (InvalidDataException) when (!context.Response.HasStarted)
        {
            // The form reader's own limits (too many values, a value too long).
            await ErrorPage.WriteAsync(context, StatusCodes.Status400BadRequest, "Malformed request", "The form has too many or too long values.");
        }
        catch (StoreException e) when (!context.Response.HasStarted)
        {
            await ErrorPage.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "Store unavailable", e.Message);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The browser went away (closed an event stream): nothing to answer.
        }
        catch (Exception) when (!context.Response.HasStarted)
        {
            await ErrorPage.WriteAsync(context, StatusCodes.Status500InternalServerError, "Something went wrong",
                "The page could not be made. The store and any run in progress are unaffected.");
        }
    }
}
