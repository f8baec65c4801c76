namespace Platform.Training.Losses;

/// <summary>Per-class weights of the classification loss.</summary>
public static class ClassWeights
{
    /// <summary>
    /// Inverse class frequency, normalised so a balanced set gets 1 for every class: w_c = N / (C · n_c), where n_c is
    /// the number of training cases of class c (scikit-learn's "balanced"). Each class then weighs the same in the
    /// loss, so a rare class is not learnt to be ignored.
    /// </summary>
    /// <param name="counts">Training cases per class, in class order.</param>
    /// <param name="classNames">The classes' names, for the error.</param>
    /// <exception cref="ArgumentException">A class has no training case: nothing would teach the network to predict it.</exception>
    public static double[] InverseFrequency(IReadOnlyList<int> counts, IReadOnlyList<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(classNames);
        for (int c = 0; c < counts.Count; c++)
        {
            if (counts[c] < 1)
                throw new ArgumentException(
                    $"Class '{(c < classNames.Count ? classNames[c] : c.ToString(System.Globalization.CultureInfo.InvariantCulture))}' has no training case; every class needs at least one.",
                    nameof(counts));
        }

        double total = counts.Sum();
        return counts.Select(n => total / (counts.Count * (double)n)).ToArray();
    }
}
