using System.Text.Json;
using Versus.Core.Engines;
using Versus.Core.Protocol;
using Versus.Core.Results;

namespace Versus.Core.Tests.Engines;

public sealed class ThreadControlJsonTests
{
    private static EngineInfo Info(ThreadControl? control) =>
        new("e", "E", "1", "cpu", "host", 2, new Dictionary<string, string>(), control);

    [Theory]
    [InlineData(ThreadControl.Applied, "applied")]
    [InlineData(ThreadControl.Configured, "configured")]
    [InlineData(ThreadControl.NotControlled, "not-controlled")]
    [InlineData(ThreadControl.NotCpuThreads, "not-cpu-threads")]
    public void Should_WriteTheThreadControlInResults_When_TheEngineReportedIt(ThreadControl control, string name)
    {
        var json = ResultsJson.Serialize(Info(control));

        Assert.Equal(name, JsonDocument.Parse(json).RootElement.GetProperty("threadControl").GetString());
    }

    [Fact]
    public void Should_ReadTheWorkersWord_When_HelloCarriesIt()
    {
        // The Node worker writes the wire name; the protocol's options have no enum converter of their own.
        const string hello = """{"id":"tfjs","framework":"TensorFlow.js","version":"4","backend":"webgl","host":"Chromium","threads":2,"threadControl":"not-cpu-threads","details":{}}""";

        var info = JsonSerializer.Deserialize<EngineInfo>(hello, ProtocolEnvelope.Json)!;

        Assert.Equal(ThreadControl.NotCpuThreads, info.ThreadControl);
    }

    [Fact]
    public void Should_LeaveItOut_When_AnOlderWorkerDidNotSay()
    {
        var json = ResultsJson.Serialize(Info(null));

        Assert.False(JsonDocument.Parse(json).RootElement.TryGetProperty("threadControl", out _));
    }
}
