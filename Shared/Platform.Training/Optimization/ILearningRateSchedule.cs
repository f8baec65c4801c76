namespace Platform.Training.Optimization;

/// <summary>A learning rate as a pure function of the run position, so a resumed run needs no schedule state beyond
/// its epoch and iteration.</summary>
public interface ILearningRateSchedule
{
    /// <param name="epoch">0-based epoch.</param>
    /// <param name="iteration">0-based iteration within the epoch.</param>
    double At(int epoch, int iteration);
}
