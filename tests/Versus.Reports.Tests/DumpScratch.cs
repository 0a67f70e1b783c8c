namespace Versus.Reports.Tests;

public sealed class DumpScratch
{
    [Fact]
    public void Dump() => File.WriteAllText("/tmp/report-two.md", new MarkdownReport().Render(SampleRun.TwoEngines()));
}
