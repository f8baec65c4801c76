namespace Platform.Training.Losses;

/// <summary>Weights and settings of the Dice + cross-entropy loss (nnU-Net defaults).</summary>
/// <param name="DiceWeight">Weight of the soft-Dice term.</param>
/// <param name="CrossEntropyWeight">Weight of the cross-entropy term.</param>
/// <param name="BatchDice">Pool the Dice sums over the whole batch instead of averaging per-sample Dice.</param>
/// <param name="Smooth">Added to numerator and denominator of the soft Dice.</param>
public sealed record LossOptions(double DiceWeight = 1.0, double CrossEntropyWeight = 1.0, bool BatchDice = false, double Smooth = 1e-5)
{
    /// <exception cref="ArgumentException">A negative weight or smooth term, or both weights zero.</exception>
    public void Validate()
    {
        if (DiceWeight < 0 || CrossEntropyWeight < 0 || !double.IsFinite(DiceWeight) || !double.IsFinite(CrossEntropyWeight))
            throw new ArgumentException($"Loss weights must be finite and non-negative (Dice {DiceWeight}, cross-entropy {CrossEntropyWeight}).");
        if (DiceWeight == 0 && CrossEntropyWeight == 0)
            throw new ArgumentException("At least one of the Dice and cross-entropy weights must be positive.");
        if (Smooth < 0 || !double.IsFinite(Smooth))
            throw new ArgumentException($"The Dice smooth term must be finite and non-negative (got {Smooth}).");
    }
}
