using Versus.Core.Results;
using Versus.Reports.Verdict;

namespace Versus.Cli.Console;

/// <summary>The run's last words on the terminal: what to train with and what to deploy with, and why, as the report says it.</summary>
public static class VerdictLines
{
    public static void Write(RunResults results)
    {
        var priorities = results.Options.Priorities is { } recorded && Priorities.FromRecord(recorded).Priorities is { } p ? p : Priorities.Default;
        var verdict = VerdictAnalysis.Compute(results, priorities);
        System.Console.WriteLine();
        System.Console.WriteLine($"Verdict ({verdict.RubricVersion}, priorities {priorities.Describe()}):");
        foreach (var r in new[] { verdict.Train, verdict.Deploy })
        {
            var label = r.Scope == RecommendationScope.Train ? "Train with" : "Deploy with";
            var answer = r.Outcome switch
            {
                RecommendationOutcome.Chosen => r.Family.ToString() + (r.Engine is null ? "" : $" ({r.Engine})"),
                RecommendationOutcome.Tie => "a tie",
                _ => "insufficient evidence",
            };
            System.Console.WriteLine($"  {label}: {answer}. {string.Join(" ", r.Sentences)}");
        }
        System.Console.WriteLine($"  {verdict.NativeTensorFlow.Statement}");
    }
}
