namespace Platform.Training.Data;

/// <summary>
/// Hands the trainer its batches in index order. Implementations may prepare batches ahead on worker threads;
/// <see cref="Take"/> blocks only when none is ready. A source is created at a start index (0 for a new run, the
/// checkpoint's position for a resumed one) and yields exactly the batches an uninterrupted run would from there.
/// </summary>
public interface IBatchSource : IDisposable
{
    /// <summary>The index of the batch the next <see cref="Take"/> returns.</summary>
    long NextIndex { get; }

    TrainingBatch Take(CancellationToken cancellationToken = default);
}
