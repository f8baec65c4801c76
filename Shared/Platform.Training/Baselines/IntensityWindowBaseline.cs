namespace Platform.Training.Baselines;

/// <summary>
/// The thresholding baseline a network must beat: for each label, the one intensity window [low, high] that gives
/// the best Dice on the training cases (voxels pooled), applied unchanged to other cases. A label that a window can
/// separate (a bright organ on darker tissue) scores high here too; what a network adds is shape and context, so its
/// margin over this baseline is the figure that shows it learned more than intensity. Works on one channel of the
/// preprocessed (normalised) images; the label maps are those the network trains on.
/// </summary>
public sealed class IntensityWindowBaseline
{
    private const int Bins = 512;

    private IntensityWindowBaseline(IReadOnlyDictionary<int, (float Low, float High)> windows) => Windows = windows;

    /// <summary>The window chosen for each label.</summary>
    public IReadOnlyDictionary<int, (float Low, float High)> Windows { get; }

    /// <summary>Chooses each label's window on <paramref name="cases"/> (image and label of equal length each).</summary>
    /// <exception cref="ArgumentException">No case, cases whose image and label differ in length, or no finite intensity.</exception>
    public static IntensityWindowBaseline Fit(IReadOnlyList<(float[] Image, byte[] Label)> cases, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(labels);
        if (cases.Count == 0)
            throw new ArgumentException("The baseline needs at least one training case.", nameof(cases));
        var (min, max) = Range(cases);
        var windows = new Dictionary<int, (float, float)>();
        foreach (var label in labels)
        {
            var inside = new long[Bins];
            var outside = new long[Bins];
            foreach (var (image, labelMap) in cases)
                for (var i = 0; i < image.Length; i++)
                    if (float.IsFinite(image[i]))
                        (labelMap[i] == label ? inside : outside)[Bin(image[i], min, max)]++;
            windows[label] = BestWindow(inside, outside, min, max);
        }
        return new IntensityWindowBaseline(windows);
    }

    /// <summary>The binary mask of <paramref name="label"/> this baseline predicts for an image.</summary>
    public bool[] Predict(ReadOnlySpan<float> image, int label)
    {
        if (!Windows.TryGetValue(label, out var window))
            throw new ArgumentException($"The baseline was not fitted for label {label}.", nameof(label));
        var mask = new bool[image.Length];
        for (var i = 0; i < image.Length; i++)
            mask[i] = image[i] >= window.Low && image[i] <= window.High;
        return mask;
    }

    /// <summary>The baseline's Dice for <paramref name="label"/> on one case (NaN when neither side has the label).</summary>
    public double Dice(ReadOnlySpan<float> image, ReadOnlySpan<byte> reference, int label)
    {
        if (image.Length != reference.Length)
            throw new ArgumentException($"Image ({image.Length} voxels) and reference ({reference.Length}) differ in size.", nameof(reference));
        var predicted = Predict(image, label);
        long tp = 0, fp = 0, fn = 0;
        for (var i = 0; i < predicted.Length; i++)
        {
            var expected = reference[i] == label;
            if (predicted[i] && expected)
                tp++;
            else if (predicted[i])
                fp++;
            else if (expected)
                fn++;
        }
        var denominator = (2 * tp) + fp + fn;
        return denominator == 0 ? double.NaN : 2.0 * tp / denominator;
    }

    /// <summary>Every window of whole bins, by prefix sums: O(bins²), a quarter of a million candidates.</summary>
    private static (float Low, float High) BestWindow(long[] inside, long[] outside, float min, float max)
    {
        var totalInside = inside.Sum();
        if (totalInside == 0)
            return (float.PositiveInfinity, float.NegativeInfinity); // an empty window: the label was never seen
        var bestDice = -1.0;
        (int Low, int High) best = (0, Bins - 1);
        for (var low = 0; low < Bins; low++)
        {
            long tp = 0, fp = 0;
            for (var high = low; high < Bins; high++)
            {
                tp += inside[high];
                fp += outside[high];
                var dice = 2.0 * tp / ((2 * tp) + fp + (totalInside - tp));
                if (dice > bestDice)
                {
                    bestDice = dice;
                    best = (low, high);
                }
            }
        }
        var width = (max - min) / Bins;
        return (best.Low == 0 ? float.NegativeInfinity : min + (best.Low * width), best.High == Bins - 1 ? float.PositiveInfinity : min + ((best.High + 1) * width));
    }

    private static (float Min, float Max) Range(IReadOnlyList<(float[] Image, byte[] Label)> cases)
    {
        var min = float.PositiveInfinity;
        var max = float.NegativeInfinity;
        foreach (var (image, label) in cases)
        {
            if (image.Length != label.Length)
                throw new ArgumentException($"A case's image has {image.Length} voxels and its label {label.Length}.", nameof(cases));
            foreach (var v in image)
                if (float.IsFinite(v))
                {
                    min = Math.Min(min, v);
                    max = Math.Max(max, v);
                }
        }
        if (!(max >= min))
            throw new ArgumentException("The training images hold no finite intensity.", nameof(cases));
        return (min, max == min ? min + 1 : max);
    }

    private static int Bin(float value, float min, float max) => Math.Clamp((int)((value - min) / (max - min) * Bins), 0, Bins - 1);
}
