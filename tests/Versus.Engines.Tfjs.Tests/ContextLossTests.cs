namespace Versus.Engines.Tfjs.Tests;

/// <summary>
/// A lost WebGL context (Chromium resets its GPU process) leaves TensorFlow.js polling sync objects that no longer
/// exist: the worker's host fails the op in flight, and every later one, at once with the reason, instead of hanging
/// until the parent's request timeout (120 s with --quick, as a CI run's depth-2 inference did).
/// </summary>
public sealed class ContextLossTests
{
    [SkippableFact]
    public async Task Should_FailTheOpInFlightAndLaterOnesWithTheReason_When_TheWebglContextIsLost()
    {
        TfjsTestEnvironment.RequireEngine("tfjs:webgl");

        // The page's op never answers (as TensorFlow.js's fence polling on a dead context); then the context is lost
        // the way the browser loses it, through WEBGL_lose_context on TensorFlow.js's own canvas.
        var output = await NodeScript.RunAsync("""
            const { ChromiumHost } = require('./lib/chromium-host');
            (async () => {
              const host = await ChromiumHost.start('webgl', 1);
              try {
                await host.page.evaluate(() => { window.versusHost.call = () => new Promise(() => {}); });
                const inFlight = host.call('infer', {}).then(() => 'answered', (e) => e.message);
                await host.page.evaluate(() => tf.backend().gpgpu.gl.getExtension('WEBGL_lose_context').loseContext());
                let timer;
                const first = await Promise.race([inFlight, new Promise((r) => { timer = setTimeout(() => r('still waiting after 20 s'), 20000); })]);
                clearTimeout(timer);
                const later = await host.call('predict', {}).then(() => 'answered', (e) => e.message);
                console.log(JSON.stringify({ first, later }));
              } finally {
                await host.close();
              }
            })().catch((e) => { console.error(e); process.exit(1); });
            """);

        var replies = System.Text.Json.JsonDocument.Parse(output.Split('\n')[^1]).RootElement;
        const string Reason = "the page's WebGL context was lost (Chromium reset its GPU process); this worker cannot continue";
        Assert.Equal(Reason, replies.GetProperty("first").GetString());
        Assert.Equal(Reason, replies.GetProperty("later").GetString());
    }
}
