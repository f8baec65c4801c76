namespace Platform.Datasources.Scanning;

/// <summary>
/// Counts finished cases and reports them. Reports are made under a lock so a subscriber sees Done
/// strictly increasing, whatever order the parallel workers finish in.
/// </summary>
internal sealed class ProgressTracker(IProgress<ScanProgress>? progress, int total, int done, int failed)
{
    private readonly Lock _gate = new();
    private int _done = done;
    private int _failed = failed;

    public void ReportStart()
    {
        lock (_gate)
            progress?.Report(new ScanProgress(_done, total, _failed, null));
    }

    public void CaseDone(string caseId, bool failed)
    {
        lock (_gate)
        {
            _done++;
            if (failed)
                _failed++;
            progress?.Report(new ScanProgress(_done, total, _failed, caseId));
        }
    }
}
