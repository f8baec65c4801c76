using System.Diagnostics;
using Platform.Imaging.Volumes;
using Platform.Preprocessing.Cases;
using Platform.Preprocessing.Storage;

namespace Platform.Preprocessing.Datasets;

/// <summary>
/// FRAN's patch mode: every complete case of a source-mode folder is cut into grid patches
/// (<see cref="PatchGrid"/>: plan patch size, overlap, last patch flush with the edge; an axis shorter than the
/// patch gives a patch clipped to it), each stored as a case <c>{source}_x{X}_y{Y}_z{Z}</c> whose record names the
/// source case and the patch start/size (<see cref="PatchOrigin"/>) and carries the source's metadata, with
/// foreground locations sampled in the patch. The patch's geometry is the source grid's, moved to the patch's first
/// voxel. Resume, isolation of bad cases, progress (counted in source cases) and the summary work as in
/// <see cref="DatasetPreprocessor"/>.
/// </summary>
public static class PatchDatasetCutter
{
    public static string PatchCaseId(string sourceCaseId, VoxelIndex start) => $"{sourceCaseId}_x{start.X}_y{start.Y}_z{start.Z}";

    public static async Task<DatasetPreprocessingReport> RunAsync(
        PatchDatasetRequest request, IProgress<DatasetPreprocessingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.SourceFolder);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.OutputFolder);
        if (request.PatchSize.IsEmpty)
            throw new ArgumentException($"Patch size {request.PatchSize} must be positive on every axis.", nameof(request));
        _ = PatchGrid.Starts(1, 1, request.Overlap);
        if (request.MaxParallelism < 1)
            throw new ArgumentException($"MaxParallelism is {request.MaxParallelism}; at least 1 case must run at a time.", nameof(request));
        if (Path.GetFullPath(request.SourceFolder) == Path.GetFullPath(request.OutputFolder))
            throw new ArgumentException("Patch cases must go to another folder than their source cases.", nameof(request));
        var clock = Stopwatch.StartNew();
        var sources = request.CaseIds ?? PreprocessedCaseRecords.CompleteCaseIds(request.SourceFolder);
        // No sweep of temporaries: each write removes its own (see DatasetPreprocessor).
        Directory.CreateDirectory(request.OutputFolder);

        var tally = new DatasetPreprocessor.Tally(sources.Count, progress);
        var written = new System.Collections.Concurrent.ConcurrentBag<string>();
        tally.Report(null);
        await BoundedCaseRunner.RunAsync(
            sources,
            request.MaxParallelism,
            long.MaxValue,
            _ => 0,
            source => Task.Run(() => CutOne(request, source, tally, written, cancellationToken), CancellationToken.None),
            cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();

        var failures = tally.Failures.OrderBy(f => f.CaseId, StringComparer.Ordinal).ToList();
        var records = written.Order(StringComparer.Ordinal).Select(id => PreprocessedCaseRecords.Read(request.OutputFolder, id)).ToList();
        var summary = DatasetSummaryBuilder.Build(records, failures);
        DatasetSummaryBuilder.Write(request.OutputFolder, summary);
        return new DatasetPreprocessingReport(sources.Count, tally.Done, tally.Skipped, failures.Count, failures, summary, tally.InputBytes, clock.Elapsed);
    }

    private static void CutOne(PatchDatasetRequest request, string sourceId, DatasetPreprocessor.Tally tally,
        System.Collections.Concurrent.ConcurrentBag<string> written, CancellationToken cancellationToken)
    {
        try
        {
            using var reader = PreprocessedCaseReader.Open(request.SourceFolder, sourceId);
            var source = PreprocessedCaseRecords.FromReader(reader);
            var shape = reader.Shape;
            var size = new Shape3(Math.Min(shape.X, request.PatchSize.X), Math.Min(shape.Y, request.PatchSize.Y), Math.Min(shape.Z, request.PatchSize.Z));
            var cut = 0;
            long bytes = 0;
            foreach (var start in PatchGrid.Starts(shape, request.PatchSize, request.Overlap))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var id = PatchCaseId(sourceId, start);
                written.Add(id);
                if (PreprocessedCaseRecords.IsComplete(request.OutputFolder, id))
                    continue;
                bytes += Cut(request, reader, source, id, start, size);
                cut++;
            }

            if (cut == 0)
                tally.Skip(sourceId);
            else
                tally.Finish(sourceId, bytes);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or UnauthorizedAccessException or InvalidOperationException)
        {
            tally.Fail(sourceId, e.Message);
        }
    }

    /// <summary>Cuts and stores one patch; returns the bytes read from the source case.</summary>
    private static long Cut(PatchDatasetRequest request, PreprocessedCaseReader reader, PreprocessedCaseRecord source, string id, VoxelIndex start, Shape3 size)
    {
        var g = reader.Geometry;
        var geometry = new VolumeGeometry(size, g.Spacing, g.IndexToWorld(start.X, start.Y, start.Z), g.Direction);
        var channels = new Volume<float>[reader.Channels];
        for (var c = 0; c < channels.Length; c++)
        {
            channels[c] = new Volume<float>(geometry);
            reader.ReadImagePatch(c, channels[c].Data, start, size);
        }

        Volume<byte>? label = null;
        if (reader.HasLabel)
        {
            label = new Volume<byte>(geometry);
            reader.ReadLabelPatch(label.Data, start, size);
        }

        var locations = label is null
            ? new Dictionary<int, VoxelIndex[]>()
            : ForegroundLocations.Sample(label, request.ForegroundCap, request.ForegroundSeed);
        var statistics = new StoredCaseStatistics(
            [size.X, size.Y, size.Z],
            source.Statistics.OriginalSpacing,
            channels.Select(c => CaseStatisticsCalculator.Moments(c.Data)).ToList(),
            CaseStatisticsCalculator.LabelVoxels(label),
            0);
        var record = new PreprocessedCaseRecord(
            id, source.Metadata, DatasetPreprocessor.ToFlat(locations, size), statistics, null,
            new PatchOrigin(reader.CaseId, [start.X, start.Y, start.Z], [size.X, size.Y, size.Z]));
        PreprocessedCaseWriter.Write(request.OutputFolder, id, channels, label, PreprocessedCaseRecords.Serialize(record));
        return size.VoxelCount * ((4L * channels.Length) + (label is null ? 0 : 1));
    }
}
