namespace Versus.Reports.Verdict;

/// <summary>What a sourced fact is about: a feature the deck scores, or one of its deployment targets.</summary>
public enum CitedTopic
{
    Usability,
    Community,
    Mobile,
    Edge,
    Server,
    Browser,
    Tpu,
    OnnxInterop,
}
