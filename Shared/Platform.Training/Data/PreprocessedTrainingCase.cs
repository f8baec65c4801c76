using Platform.Imaging.Volumes;
using Platform.Preprocessing.Datasets;
using Platform.Preprocessing.Storage;

namespace Platform.Training.Data;

/// <summary>
/// A case of the preprocessed store (<see cref="PreprocessedCaseReader"/>, memory-mapped) with its foreground
/// locations, read from the case's stored record or given by the caller.
/// </summary>
public sealed class PreprocessedTrainingCase : ITrainingCase, IDisposable
{
    private readonly PreprocessedCaseReader _reader;

    public PreprocessedTrainingCase(PreprocessedCaseReader reader, IReadOnlyDictionary<int, VoxelIndex[]> foregroundLocations)
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
    }

    public string CaseId => _reader.CaseId;

    public Shape3 Shape => _reader.Shape;

    public int Channels => _reader.Channels;

    public IReadOnlyDictionary<int, VoxelIndex[]> ForegroundLocations { get; }

    /// <summary>Opens a stored case with the foreground locations its preprocessing record holds.</summary>
    public static PreprocessedTrainingCase Open(string folder, string caseId)
    {
        var reader = PreprocessedCaseReader.Open(folder, caseId);
        try
        {
            var record = PreprocessedCaseRecords.FromReader(reader);
            return new PreprocessedTrainingCase(reader, record.ForegroundLocations(reader.Shape));
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
