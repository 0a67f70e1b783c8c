using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using Versus.Core.Statistics;

namespace Versus.Deploy;

/// <summary>
/// Bounded closed-loop load: <c>concurrency</c> clients share a fixed request count, so every level does the same work
/// and its duration, not a timer, ends it. Request bodies are serialised before timing starts.
/// </summary>
public sealed class LoadGenerator(HttpClient client)
{
    private const int KeptErrorSamples = 3;
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    /// <summary>Sends <paramref name="requests"/> POSTs to <paramref name="endpoint"/>, request i with body i modulo the bodies.</summary>
    public async Task<LoadLevelResult> RunAsync(Uri endpoint, IReadOnlyList<byte[]> bodies, int concurrency, int requests, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(requests, 1);
        if (bodies.Count == 0) throw new ArgumentException("At least one request body is needed.", nameof(bodies));
        var latencies = new double[requests];
        var failed = new bool[requests];
        var errors = new ConcurrentQueue<string>();
        var next = -1;

        async Task Client()
        {
            for (var i = Interlocked.Increment(ref next); i < requests; i = Interlocked.Increment(ref next))
            {
                var started = Stopwatch.GetTimestamp();
                var problem = await SendAsync(endpoint, bodies[i % bodies.Count], cancellationToken);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (problem is null) continue;
                failed[i] = true;
                if (errors.Count < KeptErrorSamples) errors.Enqueue($"request {i}: {problem}");
            }
        }

        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(Client, cancellationToken)));
        var wallMs = wall.Elapsed.TotalMilliseconds;

        var ok = latencies.Where((_, i) => !failed[i]).ToList();
        var errorCount = requests - ok.Count;
        return new LoadLevelResult(concurrency, requests, errorCount, wallMs, ok.Count / (wallMs / 1000),
            ok.Count > 0 ? SampleStatistics.Summarize(ok) : null, [.. errors.Take(KeptErrorSamples)], ok);
    }

    /// <summary>Null on success; otherwise what went wrong. The body is read to the end so its transfer is timed.</summary>
    private async Task<string?> SendAsync(Uri endpoint, byte[] body, CancellationToken cancellationToken)
    {
        try
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = Json;
            using var response = await client.PostAsync(endpoint, content, cancellationToken);
            var answer = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(answer.AsSpan(0, Math.Min(answer.Length, 200)))}";
        }
        catch (HttpRequestException e)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            return $"timed out: {e.Message}";
        }
    }
}
