using Versus.Reports.Verdict;
using Versus.Serve.Runs;

namespace Versus.Serve.Tests;

/// <summary>The new-run form's epochs and threads: checked by the rules 'versus run' uses, and passed to the child run.</summary>
public sealed class RunFormTests
{
    private static readonly IReadOnlyList<EngineChoice> Engines = [new("torchsharp", true, "TorchSharp 0.107.0", null, true)];
    private static readonly IReadOnlyList<string> Workloads = ["depth-2"];

    [Theory]
    [InlineData("0")]
    [InlineData("10001")]
    [InlineData("two")]
    [InlineData("1e3")]
    public void Should_SayWhatIsAllowed_When_EpochsAreOutOfRange(string epochs)
    {
        var problems = Form(epochs).Validate(Engines, Workloads);

        Assert.Equal($"'{epochs}' is not a whole number from 1 to 10000; or leave it empty for the workload's own (2 with Quick).",
            Assert.Single(problems).Value);
    }

    [Fact]
    public void Should_PassEpochsToTheRun_When_Given()
    {
        var form = Form("3");

        Assert.Empty(form.Validate(Engines, Workloads));
        Assert.Equal(["--epochs", "3"], form.Arguments("/data/results.db").SkipWhile(a => a != "--epochs").Take(2));
    }

    [Fact]
    public void Should_LeaveEpochsToTheWorkload_When_Empty() =>
        Assert.DoesNotContain("--epochs", Form("").Arguments("/data/results.db"));

    [Theory]
    [InlineData("0", false)]
    [InlineData("1", true)]
    [InlineData("4096", true)]
    [InlineData("4097", false)]
    public void Should_AcceptTheThreadsVersusRunAccepts_When_Validating(string threads, bool accepted)
    {
        var problems = (Form("") with { Threads = threads }).Validate(Engines, Workloads);

        if (accepted) Assert.Empty(problems);
        else Assert.Equal($"'{threads}' is not a thread count; use a whole number from 1 to 4096, or leave it empty for every core.", Assert.Single(problems).Value);
    }

    private static RunForm Form(string epochs) =>
        new(["torchsharp"], ["depth-2"], Quick: true, NoDeploy: true, Threads: "", Epochs: epochs, PriorityProfiles.Balanced);
}
