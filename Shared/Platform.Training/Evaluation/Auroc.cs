namespace Platform.Training.Evaluation;

/// <summary>
/// Area under the ROC curve through the Mann–Whitney U statistic: the probability that a randomly chosen positive
/// scores above a randomly chosen negative, ties counting one half (tied scores share their average rank). Equal to
/// the trapezoidal area under the ROC curve, ties included, without building the curve.
/// </summary>
public static class Auroc
{
    /// <summary>The AUROC of <paramref name="scores"/> for the cases marked positive; NaN when either side is empty.</summary>
    /// <exception cref="ArgumentException">Lists of different lengths, or a score that is not finite.</exception>
    public static double Compute(IReadOnlyList<double> scores, IReadOnlyList<bool> positive)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(positive);
        if (scores.Count != positive.Count)
            throw new ArgumentException($"{scores.Count} scores but {positive.Count} labels.", nameof(positive));
        for (int i = 0; i < scores.Count; i++)
        {
            if (!double.IsFinite(scores[i]))
                throw new ArgumentException($"Score {i} is {scores[i]}; AUROC needs finite scores.", nameof(scores));
        }

        long positives = positive.Count(p => p);
        long negatives = positive.Count - positives;
        if (positives == 0 || negatives == 0)
            return double.NaN;

        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        double positiveRankSum = 0;
        for (int start = 0; start < order.Length;)
        {
            int end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]])
                end++;
            // Ranks start + 1 .. end + 1 are tied: each gets their mean.
            double rank = (start + end + 2) / 2.0;
            for (int k = start; k <= end; k++)
            {
                if (positive[order[k]])
                    positiveRankSum += rank;
            }

            start = end + 1;
        }

        double u = positiveRankSum - positives * (positives + 1) / 2.0;
        return u / ((double)positives * negatives);
    }

    /// <summary>One-vs-rest AUROC of each class: class c's probability as the score, class c as positive.</summary>
    /// <param name="truth">True class per case.</param>
    /// <param name="probabilities">Per case, one probability per class.</param>
    /// <param name="classes">Number of classes.</param>
    public static double[] OneVersusRest(IReadOnlyList<int> truth, IReadOnlyList<IReadOnlyList<double>> probabilities, int classes)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(probabilities);
        if (probabilities.Count != truth.Count)
            throw new ArgumentException($"{truth.Count} true classes but {probabilities.Count} probability rows.", nameof(probabilities));
        for (int i = 0; i < probabilities.Count; i++)
        {
            if (probabilities[i].Count != classes)
                throw new ArgumentException($"Case {i} has {probabilities[i].Count} probabilities for {classes} classes.", nameof(probabilities));
        }

        return Enumerable.Range(0, classes)
            .Select(c => Compute(probabilities.Select(p => p[c]).ToArray(), truth.Select(t => t == c).ToArray()))
            .ToArray();
    }
}
