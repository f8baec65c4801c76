using Platform.Imaging.Volumes;

namespace Platform.Training.Data;

/// <summary>
/// Builds batches ahead on worker threads and hands them out strictly in index order. Workers claim the next index to
/// build from a shared counter, but never more than <see cref="BatchLoaderOptions.QueueCapacity"/> ahead of the batch
/// the trainer takes next, so memory stays bounded. Each batch is built by <see cref="BatchBuilder"/> from (seed, index)
/// alone, so the sequence is the same for any number of workers and a loader started at index k yields exactly what
/// an uninterrupted one yields from k on. A failed batch surfaces on <see cref="Take"/> at its index as a
/// <see cref="BatchLoadException"/> naming the case. <see cref="Dispose"/> stops the workers after the sample each is on.
/// </summary>
public sealed class BatchLoader : IBatchSource
{
    private readonly BatchBuilder _builder;
    private readonly Thread[] _workers;
    private readonly object _gate = new();
    private readonly Dictionary<long, BatchResult> _finished = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly int _capacity;
    private long _next;
    private long _nextToClaim;
    private bool _disposed;

    public BatchLoader(IReadOnlyList<ITrainingCase> cases, BatchLoaderOptions options)
    {
        _builder = new BatchBuilder(cases, options);
        _capacity = options.QueueCapacity;
        _next = options.StartIndex;
        _nextToClaim = options.StartIndex;
        _workers = new Thread[options.Workers];
        for (var w = 0; w < _workers.Length; w++)
        {
            _workers[w] = new Thread(Work)
            {
                IsBackground = true,
                Name = $"BatchLoader worker {w + 1}/{_workers.Length}",
            };
        }
        foreach (var worker in _workers)
            worker.Start();
    }

    /// <summary>The patch read before the spatial transform (nnU-Net's initial patch size).</summary>
    public Shape3 SampledPatchSize => _builder.SampledPatchSize;

    public long NextIndex
    {
        get
        {
            lock (_gate)
                return _next;
        }
    }

    public TrainingBatch Take(CancellationToken cancellationToken = default)
    {
        using var wakeOnCancel = cancellationToken.Register(() =>
        {
            lock (_gate)
                Monitor.PulseAll(_gate);
        });
        lock (_gate)
        {
            while (true)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                cancellationToken.ThrowIfCancellationRequested();
                if (_finished.Remove(_next, out var result))
                {
                    if (result.Error is not null)
                    {
                        // Keep it, so that every later Take reports the same failure instead of skipping the batch.
                        _finished[_next] = result;
                        // A fresh exception per Take (the stored one was thrown on a worker), around the original cause.
                        throw new BatchLoadException(_next, result.Error.CaseId, result.Error.InnerException ?? result.Error);
                    }
                    _next++;
                    Monitor.PulseAll(_gate);
                    return result.Batch!;
                }
                Monitor.Wait(_gate);
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
                return;
            _disposed = true;
            _stopping.Cancel();
            Monitor.PulseAll(_gate);
        }
        foreach (var worker in _workers)
            worker.Join();
        _stopping.Dispose();
        lock (_gate)
            _finished.Clear();
    }

    private void Work()
    {
        // Created inside the try below, so that even running out of memory for it surfaces on Take, not as a crash.
        BatchWorkspace? workspace = null;
        var token = _stopping.Token;
        while (true)
        {
            long index;
            lock (_gate)
            {
                while (!_disposed && _nextToClaim >= _next + _capacity)
                    Monitor.Wait(_gate);
                if (_disposed)
                    return;
                index = _nextToClaim++;
            }

            BatchResult result;
            try
            {
                workspace ??= _builder.CreateWorkspace();
                result = new BatchResult(_builder.Build(index, workspace, token), null);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (BatchLoadException e)
            {
                result = new BatchResult(null, e);
            }
            catch (Exception e)
            {
                result = new BatchResult(null, new BatchLoadException(index, null, e));
            }
            if (token.IsCancellationRequested)
                return;

            lock (_gate)
            {
                _finished[index] = result;
                Monitor.PulseAll(_gate);
            }
        }
    }

    private sealed record BatchResult(TrainingBatch? Batch, BatchLoadException? Error);
}
