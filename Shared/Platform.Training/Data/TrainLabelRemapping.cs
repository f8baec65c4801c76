namespace Platform.Training.Data;

/// <summary>
/// FRAN's <c>remapping_train</c>: a label map applied on the fly to every label patch, as a 256-entry byte lookup
/// table. Labels not in the map keep their value.
/// </summary>
public sealed class TrainLabelRemapping
{
    private readonly byte[] _table;

    private TrainLabelRemapping(byte[] table) => _table = table;

    /// <summary>
    /// The remapping {source: destination}; both must be labels 0–255. Throws naming the first entry out of range.
    /// </summary>
    public static TrainLabelRemapping FromMap(IReadOnlyDictionary<int, int> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var table = new byte[256];
        for (var i = 0; i < table.Length; i++)
            table[i] = (byte)i;
        foreach (var (source, destination) in map)
        {
            if (source is < 0 or > 255)
                throw new ArgumentException($"remapping_train: source label {source} is outside 0–255 (labels are stored as bytes).", nameof(map));
            if (destination is < 0 or > 255)
                throw new ArgumentException($"remapping_train: label {source} maps to {destination}, outside 0–255.", nameof(map));
            table[source] = (byte)destination;
        }
        return new TrainLabelRemapping(table);
    }

    /// <summary>The label <paramref name="source"/> becomes.</summary>
    public byte this[int source] => source is >= 0 and <= 255
        ? _table[source]
        : throw new ArgumentOutOfRangeException(nameof(source), source, "Labels are 0–255.");

    /// <summary>Remaps <paramref name="labels"/> in place.</summary>
    public void Apply(Span<byte> labels)
    {
        var table = _table.AsSpan();
        for (var i = 0; i < labels.Length; i++)
            labels[i] = table[labels[i]];
    }
}
