namespace Platform.Training.Checkpoints;

/// <summary>
/// What <see cref="CheckpointStore.RecoverLast"/> did with a <c>last</c> checkpoint that could not be read: where the
/// broken file is kept, and the epoch the run goes on from (the <c>best</c> checkpoint's, or 0 without a readable one).
/// </summary>
public sealed record CheckpointRecovery(string Reason, string KeptAt, int? BestEpoch)
{
    public int FirstEpoch => BestEpoch ?? 0;

    /// <summary>For the run's history and the log: what was wrong, what was kept, and where training goes on.</summary>
    public string Describe() => BestEpoch is int epoch
        ? $"{Reason} It is kept as '{KeptAt}'; the run goes on from the best checkpoint, epoch {epoch}."
        : $"{Reason} It is kept as '{KeptAt}'; with no readable best checkpoint the fold starts again from epoch 0.";
}
