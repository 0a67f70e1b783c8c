using System.Text.Json;
using System.Text.Json.Serialization;

namespace Versus.Reports.Verdict;

/// <summary>
/// The sourced facts the verdict may cite (Verdict/cited-evidence.json, embedded): versioned so a verdict can say which
/// edition it used, kept out of code so a correction is a data change the tests check. Unlike the deck's figures
/// (Cited/cited-facts.json), these are checked against their sources, which each fact names.
/// </summary>
public sealed record EvidenceSources(int Version, string About, IReadOnlyList<SourcedFact> Facts)
{
    public const int SupportedVersion = 1;
    public const string ResourceName = "Versus.Reports.Verdict.cited-evidence.json";

    // Strict on purpose, as for the deck's figures: a misspelt field or enum fails loudly instead of scoring as absent.
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
    };

    private static readonly Lazy<EvidenceSources> Embedded = new(ReadEmbedded);

    /// <summary>The embedded cited-evidence.json, parsed and validated once.</summary>
    public static EvidenceSources Load() => Embedded.Value;

    /// <summary>Parses and validates a document; throws <see cref="InvalidDataException"/> listing every problem.</summary>
    public static EvidenceSources Parse(string json)
    {
        EvidenceSources? sources;
        try
        {
            sources = JsonSerializer.Deserialize<EvidenceSources>(json, JsonOptions);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"cited evidence: {e.Message}", e);
        }
        if (sources is null) throw new InvalidDataException("cited evidence: the document is null.");
        var problems = EvidenceSourcesValidator.Problems(sources);
        if (problems.Count > 0) throw new InvalidDataException("cited evidence: " + string.Join("; ", problems));
        return sources;
    }

    private static EvidenceSources ReadEmbedded()
    {
        using var stream = typeof(EvidenceSources).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The resource {ResourceName} is missing from the reports assembly.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}
