namespace Versus.Engines.OnnxRuntime;

/// <summary>Accuracy and cross-entropy from logits, as PyTorch's cross_entropy computes it (log-sum-exp, mean over examples).</summary>
internal static class Scoring
{
    /// <summary>Adds one batch's summed loss and correct count; <paramref name="logits"/> is batch x classes, row-major.</summary>
    public static (double LossSum, int Correct) Batch(ReadOnlySpan<float> logits, ReadOnlySpan<int> labels, int classes)
    {
        double lossSum = 0;
        var correct = 0;
        for (var n = 0; n < labels.Length; n++)
        {
            var row = logits.Slice(n * classes, classes);
            var best = 0;
            double max = row[0];
            for (var k = 1; k < classes; k++)
            {
                if (row[k] > max)
                {
                    max = row[k];
                    best = k;
                }
            }
            double sum = 0;
            for (var k = 0; k < classes; k++) sum += Math.Exp(row[k] - max);
            lossSum += max + Math.Log(sum) - row[labels[n]];
            if (best == labels[n]) correct++;
        }
        return (lossSum, correct);
    }
}
