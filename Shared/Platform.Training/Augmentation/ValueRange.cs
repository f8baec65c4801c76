using Platform.Training.Data;

namespace Platform.Training.Augmentation;

/// <summary>A closed range of augmentation parameter values.</summary>
public readonly record struct ValueRange(double Min, double Max)
{
    /// <summary>Throws when the range is reversed or not finite; <paramref name="name"/> says which setting.</summary>
    public void Validate(string name)
    {
        if (!double.IsFinite(Min) || !double.IsFinite(Max) || Max < Min)
            throw new ArgumentException($"Augmentation setting {name}: range [{Min}, {Max}] is not a finite range with min ≤ max.");
    }

    /// <summary>Uniform in the range.</summary>
    public double Sample(BatchRandom random) => random.Uniform(Min, Max);

    /// <summary>
    /// nnU-Net's factor sampling (batchgenerators' BGContrast): when the range straddles 1, half the draws are below 1
    /// and half above, whatever the range's lengths on either side — so 0.75–1.25 and 0.7–1.5 shrink as often as they grow.
    /// </summary>
    public double SampleSplitAtOne(BatchRandom random)
    {
        if (random.NextDouble() < 0.5 && Min < 1)
            return random.Uniform(Min, Math.Min(1, Max));
        return random.Uniform(Math.Max(Min, 1), Max);
    }

    public override string ToString() => $"[{Min}, {Max}]";
}
