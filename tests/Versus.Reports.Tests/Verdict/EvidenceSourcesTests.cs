using Versus.Core.Engines;
using Versus.Reports.Verdict;

namespace Versus.Reports.Tests.Verdict;

public sealed class EvidenceSourcesTests
{
    private const string Valid = """
        {"version": 1, "about": "test", "facts": [
          {"id": "browser.x", "family": "tensorflow", "topic": "browser", "claim": "Runs in browsers.", "figure": null, "unit": null,
           "support": "first-party", "asOf": "2024", "source": "Docs", "url": "https://example.org/x", "publication": null, "note": null}
        ]}
        """;

    [Fact]
    public void Should_LoadTheEmbeddedFile_When_Asked()
    {
        var sources = EvidenceSources.Load();

        Assert.Equal(1, sources.Version);
        Assert.Contains(sources.Facts, f => f.Id == "community.stackoverflow-2023.tensorflow" && f.Figure == 8.4);
        Assert.Contains(sources.Facts, f => f.Id == "community.stackoverflow-2023.pytorch" && f.Figure == 7.9);
    }

    [Fact]
    public void Should_DocumentEveryTargetForBothFrameworks_When_TheEmbeddedFileIsRead()
    {
        var facts = EvidenceSources.Load().Facts;

        foreach (var family in new[] { FrameworkFamily.TensorFlow, FrameworkFamily.PyTorch })
            foreach (var topic in Enum.GetValues<CitedTopic>().Where(t => t is not (CitedTopic.Usability or CitedTopic.Community)))
                Assert.Contains(facts, f => f.Family == family && f.Topic == topic);
    }

    [Fact]
    public void Should_ParseAFact_When_ItIsComplete()
    {
        var fact = Assert.Single(EvidenceSources.Parse(Valid).Facts);

        Assert.Equal(SupportLevel.FirstParty, fact.Support);
        Assert.Equal(CitedTopic.Browser, fact.Topic);
    }

    [Theory]
    [InlineData("\"url\": \"https://example.org/x\"", "\"url\": \"http://example.org/x\"", "absolute https")]
    [InlineData("\"url\": \"https://example.org/x\"", "\"url\": null", "url or a publication")]
    [InlineData("\"support\": \"first-party\"", "\"support\": null", "no support level")]
    [InlineData("\"asOf\": \"2024\"", "\"asOf\": \"last year\"", "expected YYYY")]
    [InlineData("\"figure\": null", "\"figure\": 3", "figure and its unit")]
    [InlineData("\"version\": 1", "\"version\": 2", "not supported")]
    [InlineData("\"note\": null", "\"note\": null, \"extra\": 1", "extra")]
    [InlineData("\"topic\": \"browser\"", "\"topic\": \"fridge\"", "topic")]
    public void Should_RefuseTheFile_When_AFactCannotBeTracedOrRead(string from, string to, string message)
    {
        var broken = Valid.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(Valid, broken);

        var error = Assert.Throws<InvalidDataException>(() => EvidenceSources.Parse(broken));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_RefuseTheFile_When_AnIdRepeats()
    {
        var fact = Valid[(Valid.IndexOf("{\"id\"", StringComparison.Ordinal))..Valid.LastIndexOf(']')].Trim();
        var doubled = Valid.Replace(fact, fact + "," + fact, StringComparison.Ordinal);

        var error = Assert.Throws<InvalidDataException>(() => EvidenceSources.Parse(doubled));

        Assert.Contains("appears more than once", error.Message, StringComparison.Ordinal);
    }
}
