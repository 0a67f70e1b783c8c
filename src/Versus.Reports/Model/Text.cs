using System.Text.Json.Serialization;

namespace Versus.Reports.Model;

/// <summary>
/// A line of report text as styled spans, never as markup: the analysis says "this is an identifier" or "this must be
/// seen", and each renderer decides what that looks like. A plain string converts implicitly, so most text stays a string.
/// </summary>
public sealed record Text
{
    public static readonly Text Empty = new([]);

    [JsonConstructor]
    public Text(IReadOnlyList<TextSpan> spans) => Spans = spans;

    public IReadOnlyList<TextSpan> Spans { get; }

    /// <summary>The words without styling: what a screen reader, a test or a plain-text cell reads.</summary>
    [JsonIgnore]
    public string Plain => string.Concat(Spans.Select(s => s.Value));

    public static Text Code(string value) => new([new TextSpan(value, TextStyle.Code)]);

    public static Text Strong(string value) => new([new TextSpan(value, TextStyle.Strong)]);

    public static implicit operator Text(string value) => new([new TextSpan(value, TextStyle.Plain)]);

    public static Text operator +(Text left, Text right) => new([.. left.Spans, .. right.Spans]);

    public static Text Join(string separator, IEnumerable<Text> parts)
    {
        var spans = new List<TextSpan>();
        foreach (var part in parts)
        {
            if (spans.Count > 0) spans.Add(new TextSpan(separator, TextStyle.Plain));
            spans.AddRange(part.Spans);
        }
        return new Text(spans);
    }

    public bool Equals(Text? other) => other is not null && Spans.SequenceEqual(other.Spans);

    public override int GetHashCode() => Spans.Aggregate(0, (hash, span) => HashCode.Combine(hash, span));

    public override string ToString() => Plain;
}
