using Versus.Core.Results;
using Versus.Reports.Verdict;

namespace Versus.Cli.Console;

/// <summary>The run's last words on the terminal: what to train with and what to deploy with, and why, as the report says it.</summary>
public static class VerdictLines
{
    public static void Write(RunResults results)
    {
        var priorities = Priorities.Of(results.Options);
        var verdict = VerdictAnalysis.Compute(results, priorities);
        System.Console.WriteLine();
        System.Console.WriteLine($"Verdict ({verdict.RubricVersion}, priorities {priorities.Describe()}):");
        foreach (var r in new[] { verdict.Train, verdict.Deploy })
        {
            var label = r.Scope == RecommendationScope.Train ? "Train with" : "Deploy with";
            System.Console.WriteLine($"  {label}: {FamilyNames.Answer(r)}. {string.Join(" ", r.Sentences)}");
        }
        System.Console.WriteLine($"  {verdict.NativeTensorFlow.Statement}");
    }
}
