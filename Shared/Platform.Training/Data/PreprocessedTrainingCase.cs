using Platform.Imaging.Volumes;
using Platform.Preprocessing.Datasets;
using Platform.Preprocessing.Storage;

namespace Platform.Training.Data;

/// <summary>
/// A case of the preprocessed store (<see cref="PreprocessedCaseReader"/>, memory-mapped) with its foreground
/// locations, read from the case's stored record or given by the caller, and its foreground labels (from the record's
/// label counts, so they are known even when no locations are held).
/// </summary>
public sealed class PreprocessedTrainingCase : ITrainingCase, IDisposable
{
    private readonly PreprocessedCaseReader _reader;

    /// <param name="reader">The open stored case; disposed with this case.</param>
    /// <param name="foregroundLocations">Stored voxel positions per class.</param>
    /// <param name="foregroundLabels">The labels the case holds; null: the classes with locations.</param>
    public PreprocessedTrainingCase(PreprocessedCaseReader reader, IReadOnlyDictionary<int, VoxelIndex[]> foregroundLocations, IReadOnlyCollection<int>? foregroundLabels = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(foregroundLocations);
        if (!reader.HasLabel)
            throw new ArgumentException($"Preprocessed case '{reader.CaseId}' in {reader.Folder} has no label; training needs one.", nameof(reader));
        foreach (var (label, locations) in foregroundLocations)
        {
            if (locations is null)
                throw new ArgumentException($"Case '{reader.CaseId}': the foreground locations of class {label} are null.", nameof(foregroundLocations));
            foreach (var v in locations)
            {
                if ((uint)v.X >= (uint)reader.Shape.X || (uint)v.Y >= (uint)reader.Shape.Y || (uint)v.Z >= (uint)reader.Shape.Z)
                    throw new ArgumentException(
                        $"Case '{reader.CaseId}': foreground location {v} of class {label} lies outside the case ({reader.Shape}).", nameof(foregroundLocations));
            }
        }
        _reader = reader;
        ForegroundLocations = foregroundLocations;
        ForegroundLabels = foregroundLabels
            ?? [.. foregroundLocations.Where(p => p.Key > 0 && p.Value.Length > 0).Select(p => p.Key)];
    }

    public string CaseId => _reader.CaseId;

    public Shape3 Shape => _reader.Shape;

    public int Channels => _reader.Channels;

    public IReadOnlyDictionary<int, VoxelIndex[]> ForegroundLocations { get; }

    public IReadOnlyCollection<int> ForegroundLabels { get; }

    /// <summary>
    /// Opens a stored case with the foreground labels its preprocessing record counts and, when
    /// <paramref name="withLocations"/>, the foreground locations it holds (without them, a loader finds centres in the
    /// label map: <see cref="BatchLoaderOptions.StoredForegroundLocations"/>).
    /// </summary>
    public static PreprocessedTrainingCase Open(string folder, string caseId, bool withLocations = true)
    {
        var reader = PreprocessedCaseReader.Open(folder, caseId);
        try
        {
            var record = PreprocessedCaseRecords.FromReader(reader);
            // Records written before label counts existed name their labels through the stored locations.
            IReadOnlyDictionary<int, long>? counts = record.Statistics?.LabelVoxels;
            var labels = counts is null
                ? record.Foreground.Where(p => p.Key > 0 && p.Value.Length > 0).Select(p => p.Key).ToList()
                : counts.Where(p => p.Key > 0 && p.Value > 0).Select(p => p.Key).ToList();
            var locations = withLocations ? record.ForegroundLocations(reader.Shape) : new Dictionary<int, VoxelIndex[]>();
            return new PreprocessedTrainingCase(reader, locations, labels);
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>Opens <paramref name="caseId"/> in <paramref name="folder"/> (see <see cref="PreprocessedCaseReader.Open"/>).</summary>
    public static PreprocessedTrainingCase Open(string folder, string caseId, IReadOnlyDictionary<int, VoxelIndex[]> foregroundLocations)
    {
        var reader = PreprocessedCaseReader.Open(folder, caseId);
        try
        {
            return new PreprocessedTrainingCase(reader, foregroundLocations);
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    public void ReadImagePatch(Span<float> destination, VoxelIndex start, Shape3 size) => _reader.ReadImagePatch(destination, start, size);

    public void ReadLabelPatch(Span<byte> destination, VoxelIndex start, Shape3 size) => _reader.ReadLabelPatch(destination, start, size);

    public void Dispose() => _reader.Dispose();
}
