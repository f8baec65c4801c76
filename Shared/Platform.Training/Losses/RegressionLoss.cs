using static TorchSharp.torch;

namespace Platform.Training.Losses;

/// <summary>The loss of a regression head, on standardised targets.</summary>
public enum RegressionLossKind
{
    /// <summary>Mean squared error.</summary>
    Mse,

    /// <summary>Huber: squared below <see cref="RegressionLoss.DefaultHuberDelta"/> standard deviations, linear above, so
    /// a few outlying targets do not dominate.</summary>
    Huber,
}

/// <summary>MSE or Huber between predictions and targets, both [B] or [B, 1], averaged over the batch.</summary>
public static class RegressionLoss
{
    /// <summary>Where Huber turns linear, in standard deviations of the training targets.</summary>
    public const double DefaultHuberDelta = 1.0;

    public static Tensor Compute(Tensor predicted, Tensor target, RegressionLossKind kind, double huberDelta = DefaultHuberDelta)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(target);
        if (!(huberDelta > 0))
            throw new ArgumentOutOfRangeException(nameof(huberDelta), huberDelta, "The Huber delta must be positive.");
        using var scope = NewDisposeScope();
        var difference = predicted.reshape(-1) - target.reshape(-1);
        var loss = kind switch
        {
            RegressionLossKind.Mse => difference.square().mean(),
            RegressionLossKind.Huber => Huber(difference.abs(), huberDelta).mean(),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown regression loss."),
        };
        return loss.MoveToOuterDisposeScope();
    }

    private static Tensor Huber(Tensor absolute, double delta) =>
        where(absolute.lt(delta), absolute.square() * 0.5, (absolute - 0.5 * delta) * delta);
}
