namespace Platform.Training.Losses;

/// <summary>nnU-Net's deep-supervision weights: 1/2^i per output (highest resolution first), the lowest-resolution
/// output's weight set to 0, normalised to sum 1. A single output gets weight 1.</summary>
public static class DeepSupervisionWeights
{
    public static double[] For(int outputs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(outputs, 1);
        if (outputs == 1)
            return [1.0];
        var weights = Enumerable.Range(0, outputs).Select(i => 1.0 / Math.Pow(2, i)).ToArray();
        weights[^1] = 0;
        var total = weights.Sum();
        return weights.Select(w => w / total).ToArray();
    }
}
