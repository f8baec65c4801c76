namespace Platform.Training.Trainer;

/// <summary>How <see cref="SegmentationTrainer.Run"/> ended.</summary>
/// <param name="Completed">All epochs ran; false when stopped by cancellation (a checkpoint was written first).</param>
/// <param name="Position">Where a resumed run continues.</param>
/// <param name="History">Every finished epoch, including those before a resume.</param>
/// <param name="BestPseudoDiceEma">Best moving-average pseudo-Dice so far (null before the first epoch ends).</param>
/// <param name="BestEpoch">Epoch of <paramref name="BestPseudoDiceEma"/>.</param>
public sealed record TrainingOutcome(
    bool Completed,
    TrainingPosition Position,
    IReadOnlyList<EpochReport> History,
    double? BestPseudoDiceEma,
    int? BestEpoch);
