namespace Platform.Datasources.Scanning;

/// <summary>
/// Admits work while the bytes in flight stay within a budget. Waiters are served first come, first
/// served, so a large case is not starved by a stream of small ones; a request larger than the whole
/// budget is admitted alone when nothing else is in flight (at least one case always makes progress).
/// </summary>
public sealed class MemoryBudget
{
    private readonly Lock _gate = new();
    private readonly LinkedList<Waiter> _queue = new();
    private long _inFlight;
    private long _peak;

    public MemoryBudget(long capacityBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacityBytes, 1);
        Capacity = capacityBytes;
    }

    public long Capacity { get; }

    public long InFlight
    {
        get
        {
            lock (_gate)
                return _inFlight;
        }
    }

    /// <summary>The most bytes ever in flight at once.</summary>
    public long Peak
    {
        get
        {
            lock (_gate)
                return _peak;
        }
    }

    /// <summary>Waits until <paramref name="bytes"/> fit; dispose the lease to give them back.</summary>
    public async Task<IDisposable> AcquireAsync(long bytes, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        cancellationToken.ThrowIfCancellationRequested();
        Waiter waiter;
        lock (_gate)
        {
            if (_queue.Count == 0 && Fits(bytes))
            {
                Admit(bytes);
                return new Lease(this, bytes);
            }

            waiter = new Waiter(bytes);
            waiter.Node = _queue.AddLast(waiter);
        }

        await using (cancellationToken.Register(() => Cancel(waiter, cancellationToken)))
            await waiter.Admitted.Task.ConfigureAwait(false);
        return new Lease(this, bytes);
    }

    private bool Fits(long bytes) => _inFlight == 0 || _inFlight + bytes <= Capacity;

    private void Admit(long bytes)
    {
        _inFlight += bytes;
        _peak = Math.Max(_peak, _inFlight);
    }

    private void Release(long bytes)
    {
        lock (_gate)
        {
            _inFlight -= bytes;
            Pump();
        }
    }

    private void Cancel(Waiter waiter, CancellationToken token)
    {
        lock (_gate)
        {
            if (waiter.Node?.List is null)
                return; // already admitted: the caller gets its lease and releases it as usual
            _queue.Remove(waiter.Node);
            waiter.Admitted.TrySetCanceled(token);
            Pump(); // the head may have changed
        }
    }

    private void Pump()
    {
        while (_queue.First is { } head && Fits(head.Value.Bytes))
        {
            _queue.RemoveFirst();
            Admit(head.Value.Bytes);
            head.Value.Admitted.TrySetResult();
        }
    }

    private sealed class Waiter(long bytes)
    {
        public long Bytes { get; } = bytes;

        // Continuations run outside the lock, on the pool, never inline in Release.
        public TaskCompletionSource Admitted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public LinkedListNode<Waiter>? Node { get; set; }
    }

    private sealed class Lease(MemoryBudget budget, long bytes) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                budget.Release(bytes);
        }
    }
}
