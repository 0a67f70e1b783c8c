using Versus.Core.Results;
using Versus.Reports.Verdict;

namespace Versus.Reports.Tests.Verdict;

public sealed class PrioritiesTests
{
    [Fact]
    public void Should_WeighEachNamedPriorityOne_When_NoWeightsAreGiven()
    {
        var parsed = Priorities.Parse("training-speed,inference-latency");

        Assert.True(parsed.IsValid);
        Assert.Null(parsed.Priorities!.Profile);
        Assert.Equal(1, parsed.Priorities.Weight(Priority.TrainingSpeed));
        Assert.Equal(1, parsed.Priorities.Weight(Priority.InferenceLatency));
        Assert.Equal(0, parsed.Priorities.Weight(Priority.Browser));
    }

    [Fact]
    public void Should_ReadEachWeight_When_WeightsAreGiven()
    {
        var parsed = Priorities.Parse(" training-speed=3, browser=1.5 ,edge=0");

        Assert.Equal(3, parsed.Priorities!.Weight(Priority.TrainingSpeed));
        Assert.Equal(1.5, parsed.Priorities.Weight(Priority.Browser));
        Assert.Equal(0, parsed.Priorities.Weight(Priority.Edge));
        Assert.Empty(parsed.Errors);
    }

    [Fact]
    public void Should_UseTheProfile_When_TheTextNamesOne()
    {
        var parsed = Priorities.Parse("browser-app");

        Assert.Equal("browser-app", parsed.Priorities!.Profile);
        Assert.Equal(3, parsed.Priorities.Weight(Priority.Browser));
        Assert.Equal(0, parsed.Priorities.Weight(Priority.Tpu));
    }

    [Theory]
    [InlineData("speed=2", "speed=2", "not a priority")]
    [InlineData("browser=-1", "browser=-1", "0 or more")]
    [InlineData("browser=fast", "browser=fast", "finite number")]
    [InlineData("browser=NaN", "browser=NaN", "finite number")]
    [InlineData("browser=Infinity", "browser=Infinity", "finite number")]
    [InlineData("browser=0,edge=0", "browser=0,edge=0", "every weight is 0")]
    [InlineData("browser,browser=2", "browser=2", "more than once")]
    [InlineData("browser,,edge", "", "names no priority")]
    [InlineData("   ", "", "is empty")]
    public void Should_GiveOneErrorNamingTheValue_When_TheInputIsBad(string text, string location, string message)
    {
        var parsed = Priorities.Parse(text);

        Assert.Null(parsed.Priorities);
        var error = Assert.Single(parsed.Errors);
        Assert.Equal("--priorities", error.Source);
        Assert.Equal(location, error.Location);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_ListTheAllowedNames_When_ANameIsUnknown()
    {
        var error = Assert.Single(Priorities.Parse("gpu").Errors);

        Assert.Contains("training-speed", error.Message, StringComparison.Ordinal);
        Assert.Contains("research", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_ReportEveryProblem_When_SeveralItemsAreBad()
    {
        var parsed = Priorities.Parse("speed=1,browser=-1,edge");

        Assert.Equal(["speed=1", "browser=-1"], parsed.Errors.Select(e => e.Location));
    }

    [Fact]
    public void Should_ReadBackTheSamePriorities_When_RoundTrippedThroughTheRecord()
    {
        var original = Priorities.Parse("training-speed=3,browser=0.5").Priorities!;

        var record = original.ToRecord();
        var back = Priorities.FromRecord(record).Priorities!;

        Assert.Equal(12, record.Weights.Count);
        Assert.Equal(3, record.Weights["training-speed"]);
        Assert.Equal(0, record.Weights["tpu"]);
        Assert.Null(back.Profile);
        Assert.All(Enum.GetValues<Priority>(), p => Assert.Equal(original.Weight(p), back.Weight(p)));
    }

    [Fact]
    public void Should_KeepTheProfileName_When_RoundTrippedThroughTheRecord()
    {
        var back = Priorities.FromRecord(Priorities.Parse("edge").Priorities!.ToRecord()).Priorities!;

        Assert.Equal("edge", back.Profile);
        Assert.Equal(3, back.Weight(Priority.Edge));
        Assert.Equal(2, back.Weight(Priority.Mobile));
    }

    [Fact]
    public void Should_RefuseTheRecord_When_ItNamesAnUnknownPriority()
    {
        var record = new PrioritiesRecord(null, new Dictionary<string, double> { ["speed"] = 1, ["browser"] = 1 });

        var error = Assert.Single(Priorities.FromRecord(record).Errors);

        Assert.Equal("options.priorities.weights.speed", error.Location);
    }

    [Fact]
    public void Should_WeighEveryPriorityOne_When_NothingIsStated()
    {
        Assert.Equal("balanced", Priorities.Default.Profile);
        Assert.All(Enum.GetValues<Priority>(), p => Assert.Equal(1, Priorities.Default.Weight(p)));
    }
}
