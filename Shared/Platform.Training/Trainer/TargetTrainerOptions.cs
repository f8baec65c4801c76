using Platform.Training.Losses;

namespace Platform.Training.Trainer;

/// <summary>Settings of a classification or regression training (<see cref="TargetTrainer"/>).</summary>
public sealed record TargetTrainerOptions : CaseTaskOptions
{
    /// <summary>The regression loss on standardised targets; classification always uses weighted cross-entropy.</summary>
    public RegressionLossKind RegressionLoss { get; init; } = RegressionLossKind.Mse;

    /// <summary>Where Huber turns linear, in standard deviations of the training targets.</summary>
    public double HuberDelta { get; init; } = Losses.RegressionLoss.DefaultHuberDelta;

    public override void Validate()
    {
        base.Validate();
        if (!(HuberDelta > 0))
            throw new ArgumentException($"The Huber delta must be positive (got {HuberDelta}).");
    }
}
