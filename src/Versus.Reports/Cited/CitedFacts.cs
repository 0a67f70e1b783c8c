using System.Text.Json;
using System.Text.Json.Serialization;

namespace Versus.Reports.Cited;

/// <summary>
/// The deck's figures as data (Cited/cited-facts.json, embedded): versioned so a report can say which edition of the
/// facts it used, and kept out of code so a correction is a data change that the tests check.
/// </summary>
public sealed record CitedFacts(
    int Version,
    string Deck,
    string About,
    IReadOnlyList<string> References,
    IReadOnlyList<CitedTable> Tables,
    IReadOnlyList<CitedFact> Facts)
{
    public const int SupportedVersion = 1;
    public const string ResourceName = "Versus.Reports.Cited.cited-facts.json";

    // Strict on purpose: a misspelt or missing field in the data file should fail loudly, not render as a blank cell.
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private static readonly Lazy<CitedFacts> Embedded = new(ReadEmbedded);

    /// <summary>The embedded cited-facts.json, parsed and validated once.</summary>
    public static CitedFacts Load() => Embedded.Value;

    /// <summary>Parses and validates a cited-facts document; throws <see cref="InvalidDataException"/> listing every problem.</summary>
    public static CitedFacts Parse(string json)
    {
        CitedFacts? facts;
        try
        {
            facts = JsonSerializer.Deserialize<CitedFacts>(json, JsonOptions);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"cited facts: {e.Message}", e);
        }
        if (facts is null) throw new InvalidDataException("cited facts: the document is null.");
        var problems = CitedFactsValidator.Problems(facts);
        if (problems.Count > 0) throw new InvalidDataException("cited facts: " + string.Join("; ", problems));
        return facts;
    }

    public CitedTable Table(string id) =>
        Tables.FirstOrDefault(t => t.Id == id) ?? throw new KeyNotFoundException($"No cited table '{id}'.");

    public IReadOnlyList<CitedFact> InTable(string tableId) => [.. Facts.Where(f => f.Table == tableId)];

    public CitedFact Fact(string id) =>
        Facts.FirstOrDefault(f => f.Id == id) ?? throw new KeyNotFoundException($"No cited fact '{id}'.");

    private static CitedFacts ReadEmbedded()
    {
        using var stream = typeof(CitedFacts).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The resource {ResourceName} is missing from {typeof(CitedFacts).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}
