using Versus.Core.Engines;

namespace Versus.Reports.Verdict;

/// <summary>
/// One item a score or recommendation rests on. <see cref="Id"/> is stable for the same run, so scores refer to their
/// evidence by id; <see cref="Statement"/> is one plain sentence a reader can trust on its own (no markup: renderers
/// format it). <see cref="Family"/> is the framework it speaks for, null where it speaks for both (a ratio between them).
/// </summary>
public abstract record Evidence(string Id, FrameworkFamily? Family, string Statement)
{
    public abstract EvidenceKind Kind { get; }
}
