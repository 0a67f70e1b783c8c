using System.Text.Json.Nodes;
using Versus.Reports.Cited;

namespace Versus.Reports.Tests;

public sealed class CitedFactsTests
{
    /// <summary>Every number the deck quotes, read off the deck by hand: (table, framework, value, unit).</summary>
    public static TheoryData<string, string, double, string> DeckFigures => new()
    {
        { CitedTableIds.TotalTrainingTime, "PyTorch", 16.98, "h" },
        { CitedTableIds.TotalTrainingTime, "TensorFlow", 21.95, "h" },
        { CitedTableIds.EpochStepTime, "TensorFlow", 1.53, "h" },
        { CitedTableIds.EpochStepTime, "PyTorch", 1.18, "h" },
        { CitedTableIds.EpochStepTime, "TensorFlow", 0.00112, "s" },
        { CitedTableIds.EpochStepTime, "PyTorch", 0.00087, "s" },
        { CitedTableIds.Inference28, "TensorFlow", 0.8985, "s/image" },
        { CitedTableIds.Inference28, "PyTorch", 0.3032, "s/image" },
        { CitedTableIds.Inference64, "TensorFlow", 2.0182, "s" },
        { CitedTableIds.Inference64, "PyTorch", 1.5961, "s" },
        { CitedTableIds.InferenceDepth, "TensorFlow", 2.667, "s" },
        { CitedTableIds.InferenceDepth, "PyTorch", 1.174, "s" },
        { CitedTableIds.Adoption, "PyTorch", 80, "%" },
        { CitedTableIds.Adoption, "TensorFlow", 8.4, "%" },
        { CitedTableIds.Adoption, "PyTorch", 7.9, "%" },
        { CitedTableIds.History, "TensorFlow", 2015, "year" },
        { CitedTableIds.History, "PyTorch", 2016, "year" },
        { CitedTableIds.History, "TensorFlow", 2019, "year" },
        { CitedTableIds.DeckClaims, "PyTorch", 23, "%" },
        { CitedTableIds.DeckClaims, "PyTorch", 3, "x" },
    };

    [Theory]
    [MemberData(nameof(DeckFigures))]
    public void Should_HoldTheDeckFigure_When_LoadedFromTheEmbeddedFile(string table, string framework, double value, string unit)
    {
        var facts = CitedFacts.Load();

        Assert.Contains(facts.InTable(table), f => f.Framework == framework && f.Value == value && f.Unit == unit);
    }

    [Fact]
    public void Should_HoldEveryScoreAndStrength_When_LoadedFromTheEmbeddedFile()
    {
        var facts = CitedFacts.Load();

        string Scores(string table, string framework) =>
            string.Join(",", facts.InTable(table).Where(f => f.Framework == framework).Select(f => $"{f.Quantity}={f.Value}"));

        Assert.Equal("Usability=7,Deployment=9,Performance=8,Community=8", Scores(CitedTableIds.FeatureScores, "TensorFlow"));
        Assert.Equal("Usability=9,Deployment=7,Performance=8,Community=9", Scores(CitedTableIds.FeatureScores, "PyTorch"));
        Assert.Equal("Mobile / Edge=3,Server=3,Browser=3,TPU Support=3,ONNX Interoperability=2", Scores(CitedTableIds.DeploymentStrengths, "TensorFlow"));
        Assert.Equal("Mobile / Edge=1,Server=2,Browser=1,TPU Support=1,ONNX Interoperability=3", Scores(CitedTableIds.DeploymentStrengths, "PyTorch"));
    }

    [Fact]
    public void Should_RecordTheSourceAsTheDeckNamesIt_When_TheSlideAttributesOrNot()
    {
        var facts = CitedFacts.Load();

        var total = facts.Fact("training.total.pytorch");
        Assert.Equal("Novac et al., Sensors 2022", total.Source);
        Assert.Contains("Values from Novac et al., Sensors 2022.", total.Attribution, StringComparison.Ordinal);
        Assert.Equal("PyTorch: 16.98 hours", total.Quote);
        // The deck names no paper on its inference slides: the file must not pretend it does.
        var inference = facts.Fact("inference.28x28.tensorflow");
        Assert.StartsWith("unattributed", inference.Source, StringComparison.Ordinal);
        Assert.StartsWith("attribution in the deck:", inference.Attribution, StringComparison.Ordinal);
        Assert.Contains("Becirovic et al. (2021)", inference.Attribution, StringComparison.Ordinal);
        Assert.Equal("Stack Overflow Developer Survey 2023", facts.Fact("adoption.developer-share.tensorflow").Source);
        Assert.Equal("PapersWithCode 2023", facts.Fact("adoption.neurips-share.pytorch").Source);
    }

    [Fact]
    public void Should_MarkEveryDeckFigureNotComparableWithAReason_When_TheDeckStatesNoSetup()
    {
        var facts = CitedFacts.Load();

        Assert.All(facts.Facts, f => Assert.False(f.Comparable, f.Id));
        Assert.All(facts.Facts.Where(f => f.Metric is not null), f =>
        {
            Assert.Null(f.Setup.Hardware);
            Assert.Null(f.Setup.TimingMethod);
        });
        Assert.Contains("about a thousand times a warm CNN forward pass", facts.Fact("inference.28x28.pytorch").Comparability, StringComparison.Ordinal);
        Assert.Contains("not stated in the deck", facts.Fact("inference.64x64.pytorch").Comparability, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_KeepTheDecksWordingOfValues_When_FormattingThem()
    {
        var facts = CitedFacts.Load();

        Assert.Equal("0.00087 s", facts.Fact("training.step.pytorch").ValueText);
        Assert.Equal("nearly 80%", facts.Fact("adoption.neurips-share.pytorch").ValueText);
        Assert.Equal("7/10", facts.Fact("features.usability.tensorflow").ValueText);
        Assert.Equal("2/3", facts.Fact("deployment.onnx.tensorflow").ValueText);
        Assert.Equal("2015", facts.Fact("history.release.tensorflow").ValueText);
    }

    [Fact]
    public void Should_RejectTheFile_When_AFactNamesAnUnknownTable()
    {
        var json = Embedded();
        json["facts"]![0]!["table"] = "no-such-table";

        var error = Assert.Throws<InvalidDataException>(() => CitedFacts.Parse(json.ToJsonString()));

        Assert.Contains("unknown table 'no-such-table'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_RejectTheFile_When_ANonComparableFactGivesNoReason()
    {
        var json = Embedded();
        json["facts"]![0]!["comparability"] = null;

        var error = Assert.Throws<InvalidDataException>(() => CitedFacts.Parse(json.ToJsonString()));

        Assert.Contains("is not comparable but does not say why", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_RejectTheFile_When_TheVersionIsNotSupported()
    {
        var json = Embedded();
        json["version"] = 2;

        var error = Assert.Throws<InvalidDataException>(() => CitedFacts.Parse(json.ToJsonString()));

        Assert.Contains("version 2 is not supported", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_RejectTheFile_When_ARequiredFieldIsMissing()
    {
        var json = Embedded();
        json["facts"]![0]!.AsObject().Remove("source");

        Assert.Throws<InvalidDataException>(() => CitedFacts.Parse(json.ToJsonString()));
    }

    private static JsonNode Embedded()
    {
        using var stream = typeof(CitedFacts).Assembly.GetManifestResourceStream(CitedFacts.ResourceName)!;
        return JsonNode.Parse(stream)!;
    }
}
