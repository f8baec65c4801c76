namespace Platform.Preprocessing.Datasets;

/// <summary>
/// Runs work items in order with at most <c>maxParallelism</c> at once and the sum of their memory estimates
/// within <c>budget</c>; an item larger than the whole budget waits until nothing else runs, then runs alone.
/// Items start in the given order (a large item is never overtaken), so none can starve. Cancellation stops
/// starting items; running ones receive the token and are awaited before the cancellation is rethrown.
/// </summary>
internal static class BoundedCaseRunner
{
    public static async Task RunAsync<T>(
        IEnumerable<T> items, int maxParallelism, long budget, Func<T, long> estimate, Func<T, Task> run, CancellationToken cancellationToken)
    {
        var running = new Dictionary<Task, long>();
        long inUse = 0;
        try
        {
            foreach (var item in items)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var bytes = estimate(item);
                while (running.Count >= maxParallelism || (running.Count > 0 && inUse + bytes > budget))
                {
                    var finished = await Task.WhenAny(running.Keys).ConfigureAwait(false);
                    inUse -= running[finished];
                    running.Remove(finished);
                    await finished.ConfigureAwait(false);
                }

                cancellationToken.ThrowIfCancellationRequested();
                inUse += bytes;
                running.Add(Task.Run(() => run(item), CancellationToken.None), bytes);
            }
        }
        finally
        {
            // Never leave work running behind the caller's back, also when cancelled or failing.
            try
            {
                await Task.WhenAll(running.Keys).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
            }
        }
    }
}
