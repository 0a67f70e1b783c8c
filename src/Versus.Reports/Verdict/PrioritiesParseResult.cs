using Versus.Core.Validation;

namespace Versus.Reports.Verdict;

/// <summary>Either the priorities or every problem with the text (one error per problem), never both.</summary>
public sealed record PrioritiesParseResult(Priorities? Priorities, IReadOnlyList<ValidationError> Errors)
{
    public bool IsValid => Priorities is not null;
}
