using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Versus.Core.Engines;
using Versus.Core.Environments;

namespace Versus.Core.Protocol;

/// <summary>
/// The worker side of the protocol for .NET engines: reads requests from stdin, drives one <see cref="IEngine"/> and
/// times each engine call with a Stopwatch around that call alone. The protocol owns the real stdout; anything else
/// the process prints is sent to stderr so it cannot corrupt the message stream.
/// </summary>
public sealed class WorkerHost(IInProcessEngineFactory factory, double mainEnteredUnixMs)
{
    private IEngine? engine;
    private WorkerSession? session;

    public int Run(CancellationToken cancellationToken)
    {
        using var output = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true, NewLine = "\n" };
        Console.SetOut(Console.Error);
        using var input = new StreamReader(Console.OpenStandardInput());
        try
        {
            // Synchronous reads on purpose: every engine call then runs on this one thread (as in a bare loop), never
            // hopping between thread-pool threads that each carry their own native thread-local state.
            while (input.ReadLine() is { } line)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (line.Length == 0) continue;
                var (reply, stop) = HandleAsync(line, cancellationToken).GetAwaiter().GetResult();
                output.WriteLine(reply);
                if (stop) return 0;
            }
            return 0;
        }
        finally
        {
            engine?.Dispose();
        }
    }

    private async Task<(string Reply, bool Stop)> HandleAsync(string line, CancellationToken cancellationToken)
    {
        long id = -1;
        try
        {
            var request = JsonNode.Parse(line) as JsonObject ?? throw new JsonException("A request must be a JSON object.");
            id = request["id"]?.GetValue<long>() ?? throw new JsonException("A request needs an id.");
            var op = request["op"]?.GetValue<string>() ?? throw new JsonException("A request needs an op.");
            var args = request["args"] ?? new JsonObject();
            if (op == Ops.Shutdown) return (ProtocolEnvelope.Success(id, null, EnvironmentProbe.PeakResidentBytes()), true);
            var result = await DispatchAsync(op, args, cancellationToken);
            return (ProtocolEnvelope.Success(id, result, EnvironmentProbe.PeakResidentBytes()), false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The engine's own failure (native error, bad input) is reported, not thrown: the parent decides.
            return (ProtocolEnvelope.Failure(id, $"{e.GetType().Name}: {e.Message}", EnvironmentProbe.PeakResidentBytes()), false);
        }
    }

    private async Task<object?> DispatchAsync(string op, JsonNode args, CancellationToken cancellationToken)
    {
        switch (op)
        {
            case Ops.Hello:
            {
                var hello = Read<HelloArgs>(args);
                var watch = Stopwatch.StartNew();
                engine = factory.Load(hello.Threads);
                var loadMs = watch.Elapsed.TotalMilliseconds;
                return new HelloResult(ProtocolEnvelope.Version, engine.Info, mainEnteredUnixMs, loadMs, System.Environment.ProcessId);
            }
            case Ops.Prepare:
                session = await WorkerSession.PrepareAsync(Engine, Read<PrepareArgs>(args), cancellationToken);
                return session.Prepared;
            case Ops.Warmup:
                return Session.Warmup(Read<WarmupArgs>(args));
            case Ops.Train:
                return Session.Train(Read<TrainArgs>(args));
            case Ops.Evaluate:
                return Session.Evaluate(Read<EvaluateArgs>(args));
            case Ops.Infer:
                return Session.Infer(Read<InferArgs>(args));
            case Ops.Predict:
                return Session.Predict(Read<PredictArgs>(args));
            case Ops.Load:
                return Session.Load(Read<LoadArgs>(args));
            case Ops.Save:
                Session.Save(Read<SaveArgs>(args));
                return null;
            case Ops.Reset:
                Engine.Reset();
                return null;
            case Ops.Matmul:
            {
                var matmul = Read<MatmulArgs>(args);
                var ms = new double[matmul.Iterations];
                for (var i = 0; i < ms.Length; i++) ms[i] = Engine.TimeMatmul(matmul.Size) * 1000;
                return new TimingsResult(ms);
            }
            default:
                throw new InvalidOperationException($"Unknown op '{op}'.");
        }
    }

    private IEngine Engine => engine ?? throw new InvalidOperationException("Send 'hello' first: no engine is loaded.");

    private WorkerSession Session => session ?? throw new InvalidOperationException("Send 'prepare' first: no model is built.");

    private static T Read<T>(JsonNode args) =>
        args.Deserialize<T>(ProtocolEnvelope.Json) ?? throw new JsonException($"Arguments for {typeof(T).Name} are missing.");
}
