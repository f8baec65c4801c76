using Microsoft.Extensions.Options;
using Platform.Grains.Abstractions.Preprocessing;
using Platform.Grains.Datasources;
using Platform.Grains.Fingerprints;
using Platform.Grains.Plans;
using Platform.Grains.Telemetry;
using Platform.Preprocessing.Datasets;
using Platform.Preprocessing.Storage;
using Platform.Training.Plans;

namespace Platform.Grains.Preprocessing;

/// <summary>
/// Does a plan's preprocessing job on the silo whose preprocessing slot the scheduler chose: the voxels on the
/// thread pool, every finished case committed on disk by the library (a job placed again skips it), and the
/// completion marker written last. Reads plans, the catalog and fingerprints from PostgreSQL directly: it runs
/// outside any grain call. Cancellation (a person, or the silo stopping) ends it between cases with
/// <see cref="OperationCanceledException"/>.
/// </summary>
public sealed class PreprocessingJobExecutor(
    CaseCatalogStore catalog,
    PlanVersionStore plans,
    PlanDataFolder data,
    DatasetFingerprints fingerprints,
    IOptions<StorageOptions> storage,
    IOptions<PreprocessingOptions> options,
    TimeProvider clock)
{
    /// <summary>Failures a job outcome carries (the count is complete; the reasons of the first ones are enough to act on).</summary>
    public const int StoredFailureCap = 200;

    public async Task<PreprocessingJobOutcome> RunAsync(string planKey, PreprocessingJobSpec job, IProgress<DatasetPreprocessingProgress> reported, CancellationToken stop)
    {
        stop.ThrowIfCancellationRequested();
        var progress = new CountedProgress(reported);
        var (lab, project, planName) = Abstractions.GrainKeys.Parse(planKey);
        var workRoot = storage.Value.RequireWorkRoot();
        var output = PreprocessingDatasets.Absolute(workRoot, job.Folder);
        // Temporaries of an earlier placement that died mid-write. Safe: the scheduler runs one job of a plan (hence of
        // its datasets) at a time, and places it again only after the last placement released its slot or its silo
        // was declared dead (a silo declared dead stops itself).
        PreprocessedCaseWriter.DeleteTemporaryFiles(output);
        var snapshot = await plans.GetAsync(lab, project, planName, job.PlanVersion)
            ?? throw new InvalidOperationException($"Plan version {job.PlanVersion} is no longer stored.");
        DatasetPreprocessingReport report;
        IReadOnlyList<PreprocessingFailure> unresolved = [];
        if (job.SourceFolder is { } source)
        {
            var cutting = PlanInterpretation.PatchCutting(snapshot.Settings);
            report = await PatchDatasetCutter.RunAsync(new PatchDatasetRequest
            {
                SourceFolder = PreprocessingDatasets.Absolute(workRoot, source),
                OutputFolder = output,
                PatchSize = cutting.PatchSize,
                Overlap = cutting.Overlap,
                MaxParallelism = options.Value.MaxParallelism,
            }, progress, stop);
        }
        else
        {
            // The normalisation again from the frozen fingerprint; the key proves it is the one the job was started with.
            var resolved = await data.ForFingerprintAsync(lab, project, planName, snapshot.Settings, job.FingerprintId);
            if (resolved.Dataset.Key != job.DatasetKey)
                throw new InvalidOperationException($"Version {job.PlanVersion} with fingerprint {job.FingerprintId} gives dataset {resolved.Dataset.Key}, not {job.DatasetKey}.");
            var rows = await FrozenCasesAsync(lab, project, await catalog.UsableCaseFilesAsync(lab, project, job.Datasources), job.FingerprintId);
            var inputs = PreprocessingInputs.Resolve(storage.Value.LabData(), lab, rows, PlanInterpretation.Sources(snapshot.Settings, job.Datasources).ImportedLabelFolder);
            unresolved = inputs.Failures;
            report = await DatasetPreprocessor.RunAsync(new DatasetPreprocessingRequest
            {
                OutputFolder = output,
                Cases = inputs.Cases,
                Settings = resolved.Dataset.Settings,
                MaxParallelism = options.Value.MaxParallelism,
                MemoryBudgetBytes = options.Value.MemoryBudgetBytes,
            }, progress, stop);
        }

        var failures = unresolved.Concat(report.Failures.Select(f => new PreprocessingFailure(f.CaseId, f.Reason))).ToList();
        // Last of all the dataset's files: readers that find it know every case of this job is committed.
        await DatasetCompletion.RecordAsync(output, job.DatasetKey, job.FingerprintId ?? 0, report.Summary.CaseCount, report.Processed, job.JobId, clock.GetUtcNow());
        return new PreprocessingJobOutcome(PreprocessingJobState.Completed, report.Total + unresolved.Count, report.Processed, report.Skipped,
            failures.Count, failures.Take(StoredFailureCap).ToList(), PreprocessedOverviewMapping.From(report.Summary), null);
    }

    /// <summary>The usable cases that the job's fingerprint was taken from: cases scanned later belong to a later version's data.</summary>
    private async Task<IReadOnlyList<(string CaseId, string Datasource, string FilesJson)>> FrozenCasesAsync(
        string lab, string project, IReadOnlyList<(string CaseId, string Datasource, string FilesJson)> rows, long? fingerprintId)
    {
        if (fingerprintId is not { } id)
            return rows;
        var stored = await fingerprints.GetAsync(lab, project, id)
            ?? throw new InvalidOperationException($"Fingerprint {id} is no longer stored.");
        var frozen = stored.CaseIds.ToHashSet(StringComparer.Ordinal);
        return [.. rows.Where(r => frozen.Contains(StoredFingerprint.CaseKey(r.Datasource, r.CaseId)))];
    }

    /// <summary>Passes progress on, and counts each newly processed case on the platform meter (cases per second).</summary>
    private sealed class CountedProgress(IProgress<DatasetPreprocessingProgress> inner) : IProgress<DatasetPreprocessingProgress>
    {
        private int _done;

        public void Report(DatasetPreprocessingProgress value)
        {
            PlatformMetrics.CasesPreprocessed(value.Done - Interlocked.Exchange(ref _done, value.Done));
            inner.Report(value);
        }
    }
}
