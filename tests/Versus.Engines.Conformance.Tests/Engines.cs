namespace Versus.Engines.Conformance.Tests;

// Every registered engine that runs here, one line each: a new engine proves itself by adding its line and passing.

public sealed class TorchSharpConformance : EngineConformance
{
    protected override string EngineId => "torchsharp";
}

public sealed class OnnxRuntimeConformance : EngineConformance
{
    protected override string EngineId => "onnxruntime";
}

public sealed class TfjsCpuConformance : EngineConformance
{
    protected override string EngineId => "tfjs:cpu";
}

public sealed class TfjsWasmConformance : EngineConformance
{
    protected override string EngineId => "tfjs:wasm";
}

public sealed class TfjsWebglConformance : EngineConformance
{
    protected override string EngineId => "tfjs:webgl";
}
