using Platform.Datasources.Layouts;
using Platform.Datasources.Paths;
using Platform.Datasources.Validation;

namespace Platform.Datasources.Scanning;

/// <summary>
/// Lists a datasource, then validates new and changed cases in parallel: headers first (cheap, and they
/// give the memory estimate), then the full read once the <see cref="MemoryBudget"/> admits the case.
/// One case's failure is recorded against it and never stops the others; cancellation stops the scan
/// with <see cref="OperationCanceledException"/>, and a folder that vanishes (or an emptied mount point) with
/// <see cref="DatasourceVanishedException"/>, so no registered case is ever taken for removed because storage went away.
/// </summary>
public static class DatasourceScanner
{
    /// <summary>Resolves <paramref name="folder"/> under <paramref name="dataRoot"/> (see <see cref="DatasourceLocation.Resolve"/>) and scans it.</summary>
    public static Task<ScanResult> ScanAsync(
        string dataRoot,
        string folder,
        IReadOnlyList<PreviousCase>? previous = null,
        ScanOptions? options = null,
        IProgress<ScanProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        ScanAsync(DatasourceLocation.Resolve(dataRoot, folder), previous, options, progress, cancellationToken);

    public static async Task<ScanResult> ScanAsync(
        DatasourceLocation location,
        IReadOnlyList<PreviousCase>? previous = null,
        ScanOptions? options = null,
        IProgress<ScanProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(location);
        options ??= ScanOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxDegreeOfParallelism, 1);
        var listing = DatasourceLayouts.Enumerate(location);
        var previousById = (previous ?? []).ToDictionary(p => p.CaseId, StringComparer.Ordinal);
        // A folder that held cases and now holds no layout at all was emptied under the scan or is an unmounted mount point.
        if (listing.Layout == DatasourceLayoutKind.Unknown && previousById.Count > 0)
            throw new DatasourceVanishedException(location.RelativeFolder,
                $"no longer holds a FRAN or nnU-Net layout though {previousById.Count} cases were registered from it (emptied, or its filesystem is not mounted)");

        var scans = new CaseScan[listing.Cases.Count];
        var toRead = new List<int>();
        for (var i = 0; i < listing.Cases.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var files = listing.Cases[i];
            var signatures = Sign(files, location, options.HashFiles, out var signProblem);
            var change = !previousById.TryGetValue(files.CaseId, out var before) ? CaseChange.New
                : signProblem is null && Unchanged(signatures, before) ? CaseChange.Unchanged : CaseChange.Changed;
            scans[i] = new CaseScan(files, change, signatures, signProblem is null ? null : new CaseReport(files, null, null, [signProblem]));
            if (change != CaseChange.Unchanged && signProblem is null)
                toRead.Add(i);
        }

        var tracker = new ProgressTracker(progress, scans.Length, scans.Length - toRead.Count, scans.Count(s => s.Failed));
        tracker.ReportStart();
        var budget = new MemoryBudget(options.MemoryBudgetBytes);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(toRead, parallel, async (index, ct) =>
        {
            var scan = scans[index];
            var report = await ValidateAsync(scan.Files, location, budget, options.Validation, ct).ConfigureAwait(false);
            scans[index] = scan with { Report = report };
            tracker.CaseDone(scan.CaseId, !report.IsValid);
        }).ConfigureAwait(false);

        // Checked after the reads: a folder removed while they ran turns every case still to read into "unreadable" and
        // every case after the listing into "removed", which is the folder's fault, not the cases'.
        if (!Directory.Exists(location.FullPath))
            throw new DatasourceVanishedException(location.RelativeFolder, "disappeared during the scan (removed, renamed, or its filesystem unmounted)");
        var current = listing.Cases.Select(c => c.CaseId).ToHashSet(StringComparer.Ordinal);
        var removed = previousById.Keys.Where(id => !current.Contains(id)).Order(StringComparer.Ordinal).ToList();
        return new ScanResult(listing.Layout, scans, removed, listing.Problems, listing.DatasetJson, budget.Peak);
    }

    private static async Task<CaseReport> ValidateAsync(CaseFiles files, DatasourceLocation location, MemoryBudget budget, CaseValidationOptions options, CancellationToken ct)
    {
        try
        {
            var headers = CaseHeaderReader.Read(files, location.ToFullPath, options);
            if (!headers.IsValid)
                return CaseValidator.Complete(headers, location.ToFullPath, options);
            using (await budget.AcquireAsync(headers.EstimatedBytes, ct).ConfigureAwait(false))
            {
                ct.ThrowIfCancellationRequested();
                return CaseValidator.Complete(headers, location.ToFullPath, options);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Expected read failures are already problems; this is the safety net that keeps one
            // unexpected fault (a bug, an out-of-memory on a huge case) from failing the whole scan.
            return new CaseReport(files, null, null, [new DatasourceProblem(ProblemKind.UnreadableFile, files.CaseId, null, $"unexpected error: {e.Message}")]);
        }
    }

    private static FileSignature[] Sign(CaseFiles files, DatasourceLocation location, bool hash, out DatasourceProblem? problem)
    {
        var signatures = new List<FileSignature>();
        problem = null;
        foreach (var file in files.AllFiles)
        {
            try
            {
                signatures.Add(FileSignature.Of(file, location.ToFullPath(file), hash));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problem = new DatasourceProblem(ProblemKind.UnreadableFile, files.CaseId, file, e.Message);
            }
        }

        return [.. signatures];
    }

    private static bool Unchanged(IReadOnlyList<FileSignature> now, PreviousCase before)
    {
        if (now.Count != before.Files.Count)
            return false;
        var earlier = before.Files.ToDictionary(f => f.Path, StringComparer.Ordinal);
        return now.All(s => earlier.TryGetValue(s.Path, out var old) && s.SameContentAs(old));
    }
}
