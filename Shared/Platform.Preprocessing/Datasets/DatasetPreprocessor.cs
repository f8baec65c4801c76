using System.Collections.Concurrent;
using System.Diagnostics;
using Platform.Imaging.IO;
using Platform.Imaging.Volumes;
using Platform.Preprocessing.Cases;
using Platform.Preprocessing.Storage;

namespace Platform.Preprocessing.Datasets;

/// <summary>
/// Preprocesses a list of cases into one folder: per case load the files, run <see cref="CasePreprocessor"/>,
/// store arrays + <see cref="PreprocessedCaseRecord"/> (<see cref="PreprocessedCaseWriter"/>, commit JSON last)
/// and the native-space label (<c>native/{id}.nii.gz</c>); cases run in parallel within a memory budget
/// (<see cref="CaseMemoryEstimate"/>), complete cases are skipped (resume), one bad case is reported and the rest
/// go on, and a <see cref="PreprocessedDatasetSummary"/> ends the run. A full disk stops the run with a
/// <see cref="StorageFullException"/> naming the case (the committed cases stay, a later run skips them). The API is described in the
/// repository's preprocessing notes (prep-api.md).
/// </summary>
/// <remarks>
/// Every temporary file has a unique name and is removed by the write that made it, whatever happens; a run never
/// sweeps the folder for other temporaries, because they may belong to a writer still at work there. What a killed
/// process leaves behind matches no case file and is never read.
/// </remarks>
public static class DatasetPreprocessor
{
    public const string NativeLabelFolder = "native";

    public const string NativeLabelExtension = ".nii.gz";

    /// <summary>Marks native-label files being written; they are renamed into place when complete.</summary>
    private const string PartialMarker = ".partial";

    public static async Task<DatasetPreprocessingReport> RunAsync(
        DatasetPreprocessingRequest request, IProgress<DatasetPreprocessingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        Validate(request);
        var clock = Stopwatch.StartNew();
        var folder = request.OutputFolder;
        Directory.CreateDirectory(Path.Combine(folder, NativeLabelFolder));

        var tally = new Tally(request.Cases.Count, progress);
        tally.Report(null);
        await BoundedCaseRunner.RunAsync(
            request.Cases,
            request.MaxParallelism,
            request.MemoryBudgetBytes,
            source => EstimateOrZero(source, request.Settings),
            source => Task.Run(() => ProcessOrSkip(request, source, tally, cancellationToken), CancellationToken.None),
            cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();

        var failures = tally.Failures.OrderBy(f => f.CaseId, StringComparer.Ordinal).ToList();
        var failed = failures.Select(f => f.CaseId).ToHashSet(StringComparer.Ordinal);
        var records = request.Cases
            .Where(c => !failed.Contains(c.CaseId) && PreprocessedCaseRecords.IsComplete(folder, c.CaseId))
            .Select(c => PreprocessedCaseRecords.Read(folder, c.CaseId))
            .ToList();
        var summary = DatasetSummaryBuilder.Build(records, failures);
        DatasetSummaryBuilder.Write(folder, summary);
        return new DatasetPreprocessingReport(
            request.Cases.Count, tally.Done, tally.Skipped, failures.Count, failures, summary, tally.InputBytes, clock.Elapsed);
    }

    /// <summary>Where a case's native-space label is stored, relative to the output folder.</summary>
    public static string NativeLabelFile(string caseId) => Path.Combine(NativeLabelFolder, PreprocessedCaseFormat.CheckCaseId(caseId) + NativeLabelExtension);

    private static void Validate(DatasetPreprocessingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.OutputFolder);
        ArgumentNullException.ThrowIfNull(request.Cases);
        ArgumentNullException.ThrowIfNull(request.Settings);
        if (request.MaxParallelism < 1)
            throw new ArgumentException($"MaxParallelism is {request.MaxParallelism}; at least 1 case must run at a time.", nameof(request));
        if (request.MemoryBudgetBytes < 1)
            throw new ArgumentException($"MemoryBudgetBytes is {request.MemoryBudgetBytes}; it must be positive.", nameof(request));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in request.Cases)
        {
            if (source is null)
                throw new ArgumentException("The case list contains a null entry.", nameof(request));
            PreprocessedCaseFormat.CheckCaseId(source.CaseId);
            if (!seen.Add(source.CaseId))
                throw new ArgumentException($"Case id '{source.CaseId}' appears twice in the request.", nameof(request));
            if (source.ChannelPaths is null || source.ChannelPaths.Count == 0)
                throw new ArgumentException($"Case '{source.CaseId}' has no channel files.", nameof(request));
            request.Settings.Validate(source.ChannelPaths.Count);
        }
    }

    /// <summary>A case whose headers cannot be read costs nothing to schedule: it fails at once when it runs.</summary>
    private static long EstimateOrZero(CaseSource source, CasePreprocessingSettings settings)
    {
        try
        {
            var first = ImageFile.ReadHeader(source.ChannelPaths[0]);
            var label = source.LabelPath is null ? null : ImageFile.ReadHeader(source.LabelPath);
            return CaseMemoryEstimate.Bytes(first, source.ChannelPaths.Count, label, settings);
        }
        catch (Exception e) when (IsCaseProblem(e))
        {
            return 0;
        }
    }

    private static void ProcessOrSkip(DatasetPreprocessingRequest request, CaseSource source, Tally tally, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (PreprocessedCaseRecords.IsComplete(request.OutputFolder, source.CaseId))
        {
            tally.Skip(source.CaseId);
            return;
        }

        try
        {
            var inputBytes = Process(request, source, cancellationToken);
            tally.Finish(source.CaseId, inputBytes);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (IOException e) when (StorageFullException.IsNoSpace(e))
        {
            // A full disk is the run's problem, not the case's: every case after it would fail the same way. The writers
            // removed their temporaries, so the case is simply not committed and a later run redoes it.
            throw new StorageFullException(request.OutputFolder, $"preprocessed case '{source.CaseId}' into", e);
        }
        catch (OutOfMemoryException)
        {
            tally.Fail(source.CaseId, "ran out of memory while preprocessing; lower MaxParallelism or the memory budget and run again.");
        }
        catch (Exception e) when (IsCaseProblem(e))
        {
            tally.Fail(source.CaseId, e.Message);
        }
    }

    /// <summary>Errors that belong to one case's files or values, not to the run (those propagate).</summary>
    private static bool IsCaseProblem(Exception e) =>
        e is ArgumentException or IOException or InvalidDataException or UnauthorizedAccessException
            or NotSupportedException or FormatException or InvalidOperationException;

    private static long Process(DatasetPreprocessingRequest request, CaseSource source, CancellationToken cancellationToken)
    {
        var (work, inputBytes) = Load(source);
        cancellationToken.ThrowIfCancellationRequested();
        var folder = request.OutputFolder;
        string? nativeFile = null;
        void WriteNative(Volume<byte> label)
        {
            if (!request.WriteNativeLabels)
                return;
            nativeFile = NativeLabelFile(source.CaseId);
            WriteAtomically(Path.Combine(folder, nativeFile), label);
        }

        var result = CasePreprocessor.Run(work, request.Settings, WriteNative, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var statistics = new StoredCaseStatistics(
            [result.Channels[0].Shape.X, result.Channels[0].Shape.Y, result.Channels[0].Shape.Z],
            result.Metadata.Reoriented.Spacing,
            result.Channels.Select(c => CaseStatisticsCalculator.Moments(c.Data)).ToList(),
            CaseStatisticsCalculator.LabelVoxels(result.Label),
            inputBytes);
        var record = new PreprocessedCaseRecord(
            source.CaseId, result.Metadata, ToFlat(result.ForegroundLocations, result.Channels[0].Shape), statistics, nativeFile);
        PreprocessedCaseWriter.Write(folder, source.CaseId, result.Channels, result.Label, PreprocessedCaseRecords.Serialize(record));
        return inputBytes;
    }

    /// <summary>
    /// Reads the files into a <see cref="CaseWork"/> that is the only holder of the voxels, so the pipeline can
    /// release each input as soon as it is cropped.
    /// </summary>
    private static (CaseWork Work, long InputBytes) Load(CaseSource source)
    {
        var channels = new IVolume[source.ChannelPaths.Count];
        long bytes = 0;
        for (var c = 0; c < channels.Length; c++)
        {
            var path = source.ChannelPaths[c];
            var stack = ImageFile.Read(path);
            if (stack.Count != 1)
                throw new InvalidDataException($"{path}: holds {stack.Count} channels; give each channel its own file.");
            channels[c] = stack[0];
            bytes += new FileInfo(path).Length;
        }

        IVolume? ReadLabel(string? path)
        {
            if (path is null)
                return null;
            bytes += new FileInfo(path).Length;
            return ImageFile.ReadVolume(path);
        }

        var label = ReadLabel(source.LabelPath);
        var imported = ReadLabel(source.ImportedLabelPath);
        var work = new CaseWork(new CaseInput(channels, label, imported))
        {
            ChannelNames = [.. source.ChannelPaths.Select((p, c) => $"channel {c} ({p})")],
            LabelName = $"label ({source.LabelPath})",
            ImportedLabelName = $"imported label map ({source.ImportedLabelPath})",
        };
        return (work, bytes);
    }

    private static void WriteAtomically(string path, Volume<byte> label)
    {
        var directory = Path.GetDirectoryName(path)!;
        var name = Path.GetFileName(path);
        var stem = name[..^NativeLabelExtension.Length];
        var temp = Path.Combine(directory, $"{stem}.{Guid.NewGuid():N}{PartialMarker}{NativeLabelExtension}");
        try
        {
            ImageFile.Write(temp, label);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
                File.Delete(temp);
        }
    }

    internal static Dictionary<int, int[]> ToFlat(IReadOnlyDictionary<int, VoxelIndex[]> locations, Shape3 shape) =>
        locations.ToDictionary(p => p.Key, p => Array.ConvertAll(p.Value, v => v.X + (shape.X * (v.Y + (shape.Y * v.Z)))));

    /// <summary>Counts shared by the worker tasks; progress is reported after every change.</summary>
    internal sealed class Tally(int total, IProgress<DatasetPreprocessingProgress>? progress)
    {
        private readonly Lock _gate = new();
        private int _done;
        private int _skipped;
        private long _inputBytes;

        public ConcurrentBag<CaseFailure> Failures { get; } = [];

        public int Done => _done;

        public int Skipped => _skipped;

        public long InputBytes => Interlocked.Read(ref _inputBytes);

        public void Finish(string caseId, long inputBytes)
        {
            Interlocked.Add(ref _inputBytes, inputBytes);
            Change(caseId, () => _done++);
        }

        public void Skip(string caseId) => Change(caseId, () => _skipped++);

        public void Fail(string caseId, string reason) => Change(caseId, () => Failures.Add(new CaseFailure(caseId, reason)));

        public void Report(string? caseId)
        {
            lock (_gate)
                progress?.Report(new DatasetPreprocessingProgress(total, _done, _skipped, Failures.Count, caseId));
        }

        private void Change(string caseId, Action change)
        {
            lock (_gate)
            {
                change();
                progress?.Report(new DatasetPreprocessingProgress(total, _done, _skipped, Failures.Count, caseId));
            }
        }
    }
}
