using System.Text.Json;
using Platform.Preprocessing.Cases;
using Platform.Preprocessing.Fingerprint;

namespace Platform.Preprocessing.Datasets;

/// <summary>Builds <see cref="PreprocessedDatasetSummary"/> from stored case records and writes <c>summary.json</c> atomically.</summary>
public static class DatasetSummaryBuilder
{
    public static PreprocessedDatasetSummary Build(IReadOnlyList<PreprocessedCaseRecord> records, IReadOnlyList<CaseFailure> failures)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(failures);
        var shapes = records.Select(r => r.Statistics.Shape.Select(v => (double)v).ToArray()).ToList();
        var spacings = records.Select(r => r.Statistics.OriginalSpacing).ToList();
        var channelCount = records.Count == 0 ? 0 : records.Max(r => r.Statistics.Channels.Count);
        var channels = new List<ChannelSummary>();
        for (var c = 0; c < channelCount; c++)
        {
            var pooled = default(PooledMoments);
            double min = double.PositiveInfinity, max = double.NegativeInfinity;
            foreach (var record in records.Where(r => c < r.Statistics.Channels.Count))
            {
                var m = record.Statistics.Channels[c];
                pooled = pooled.Add(PooledMoments.OfCase(m.Count, m.Mean, m.StandardDeviation));
                min = Math.Min(min, m.Min);
                max = Math.Max(max, m.Max);
            }

            channels.Add(new ChannelSummary(c, pooled.Count, pooled.Mean, pooled.PopulationStd, min, max));
        }

        var labels = records
            .SelectMany(r => r.Statistics.LabelVoxels)
            .GroupBy(p => p.Key)
            .OrderBy(g => g.Key)
            .Select(g => new LabelSummary(g.Key, g.Sum(p => p.Value), g.Count(p => p.Value > 0)))
            .ToList();
        return new PreprocessedDatasetSummary(records.Count, Axes(shapes), Axes(spacings), channels, labels, failures);
    }

    /// <summary>Writes the summary as <c>summary.json</c> in <paramref name="folder"/> (temp file, then rename).</summary>
    public static void Write(string folder, PreprocessedDatasetSummary summary)
    {
        var path = Path.Combine(folder, PreprocessedDatasetSummary.FileName);
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllText(temp, JsonSerializer.Serialize(summary, CaseMetadataJson.Options));
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
                File.Delete(temp);
        }
    }

    public static PreprocessedDatasetSummary Read(string folder) =>
        JsonSerializer.Deserialize<PreprocessedDatasetSummary>(File.ReadAllText(Path.Combine(folder, PreprocessedDatasetSummary.FileName)), CaseMetadataJson.Options)
        ?? throw new InvalidDataException($"{Path.Combine(folder, PreprocessedDatasetSummary.FileName)} is empty.");

    private static AxisSummary Axes(IReadOnlyList<double[]> values)
    {
        if (values.Count == 0)
            return new AxisSummary([], [], []);
        var min = new double[3];
        var median = new double[3];
        var max = new double[3];
        for (var a = 0; a < 3; a++)
        {
            var sorted = values.Select(v => v[a]).Order().ToArray();
            min[a] = sorted[0];
            max[a] = sorted[^1];
            var mid = sorted.Length / 2;
            median[a] = sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        }

        return new AxisSummary(min, median, max);
    }
}
