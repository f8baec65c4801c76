namespace Platform.Training.Data;

/// <summary>
/// Which cases the batches of a case-level task (classification, regression, pretraining) hold: passes over every
/// case in a fresh random order, batch after batch, so within a pass each case is seen once and a short run still
/// sees them all. A pure function of the seed.
/// </summary>
public sealed class ShuffledCases
{
    private readonly Random random;
    private readonly int[] order;
    private int next;

    /// <param name="count">Cases to draw from (at least 1).</param>
    /// <param name="random">The generator; the run's other draws may share it.</param>
    public ShuffledCases(int count, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentNullException.ThrowIfNull(random);
        this.random = random;
        order = Enumerable.Range(0, count).ToArray();
        next = count;
    }

    /// <summary>The next <paramref name="batchSize"/> case indices (a batch may span two passes).</summary>
    public int[] Next(int batchSize)
    {
        var batch = new int[batchSize];
        for (int b = 0; b < batchSize; b++)
        {
            if (next == order.Length)
            {
                random.Shuffle(order);
                next = 0;
            }

            batch[b] = order[next++];
        }

        return batch;
    }
}
