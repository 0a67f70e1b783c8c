using Versus.Core.Engines;

namespace Versus.Reports.Verdict;

/// <summary>One cell of the deck's feature table from evidence, with the deck's own (cited, unsourced) value beside it.</summary>
public sealed record FeatureScore(FrameworkFamily Family, Feature Feature, Score Score, int? DeckValue);
