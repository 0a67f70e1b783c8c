using System.Text.Json.Nodes;
using Versus.Core.Data;
using Versus.Core.Engines;

namespace Versus.Core.Protocol;

// The payloads of docs/protocol.md, one record per request or result. Times are milliseconds measured inside the
// worker around the engine call only, so pipe and serialisation costs never enter a sample.

public sealed record HelloArgs(int Threads);

public sealed record HelloResult(int Protocol, EngineInfo Engine, double MainEnteredUnixMs, double EngineLoadMs, int Pid);

public sealed record PrepareArgs(JsonObject Spec, string WeightsPath, DataSource Data);

/// <param name="Details">
/// Engine details only the built model can tell (ONNX Runtime reads its dtype from the workload's session), merged over
/// those of <c>hello</c>; null where the build revealed nothing new.
/// </param>
public sealed record PrepareResult(double DataMs, double BuildMs, int TrainCount, int TestCount,
    IReadOnlyDictionary<string, string>? Details = null);

/// <summary>Warm-up work; after training warm-up the worker resets to the initial weights and a fresh optimizer.</summary>
public sealed record WarmupArgs(string Kind, int Iterations, int Batch);

/// <summary>Steps <see cref="FirstStep"/>..+<see cref="Steps"/> of epoch <see cref="Epoch"/>'s shared order (<see cref="EpochOrder"/>).</summary>
public sealed record TrainArgs(int Epoch, int FirstStep, int Steps, uint Seed);

public sealed record TrainResult(double[] StepMs, double[] Losses);

public sealed record EvaluateArgs(int BatchSize);

public sealed record EvaluateResult(double Accuracy, double Loss, double Ms);

/// <summary>Forward passes at <see cref="Batch"/>, cycling through the test set.</summary>
public sealed record InferArgs(int Batch, int Iterations);

public sealed record TimingsResult(double[] Ms);

public sealed record PredictArgs(int[] Indices);

public sealed record PredictResult(float[] Logits, double Ms);

public sealed record MatmulArgs(int Size, int Iterations);

/// <summary>A canonical weight file to replace the model's state with, as if prepared with it (forward parity on trained state).</summary>
public sealed record LoadArgs(string WeightsPath);

/// <summary><see cref="BuildMs"/> covers reading the file and rebuilding what the weights live in, as prepare's does.</summary>
public sealed record LoadResult(double BuildMs);

/// <summary>Where to write the model's current state as a canonical safetensors file.</summary>
public sealed record SaveArgs(string Path);

public sealed record EmptyArgs;

public static class Ops
{
    public const string Hello = "hello";
    public const string Prepare = "prepare";
    public const string Warmup = "warmup";
    public const string Train = "train";
    public const string Evaluate = "evaluate";
    public const string Infer = "infer";
    public const string Predict = "predict";
    public const string Reset = "reset";
    public const string Matmul = "matmul";
    public const string Load = "load";
    public const string Save = "save";
    public const string Shutdown = "shutdown";
}
