using System.Numerics;
using Platform.Imaging.Volumes;

namespace Platform.Datasources.Statistics;

/// <summary>
/// Counts label values and marks foreground voxels in one pass. Values must be whole and non-negative:
/// a float label map holding 0.5 is a conversion accident, and counting it as label 0 would hide it.
/// </summary>
public sealed class LabelCensus
{
    private LabelCensus(IReadOnlyList<LabelVoxels> labels, bool[] foreground, long foregroundVoxels, string? invalid)
    {
        Labels = labels;
        Foreground = foreground;
        ForegroundVoxels = foregroundVoxels;
        InvalidReason = invalid;
    }

    public IReadOnlyList<LabelVoxels> Labels { get; }

    /// <summary>True where label &gt; 0, in the volume's voxel order.</summary>
    public bool[] Foreground { get; }

    public long ForegroundVoxels { get; }

    /// <summary>Set when a value is not a whole non-negative number; the counts are then meaningless.</summary>
    public string? InvalidReason { get; }

    public static LabelCensus Of(IVolume labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return VoxelTypeDispatch.Dispatch(labels.VoxelType, new Counter(labels));
    }

    public static LabelCensus Of<T>(Volume<T> labels) where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(labels);
        var data = labels.Data;
        var foreground = new bool[data.Length];
        var counts = new Dictionary<int, long>();
        long foregroundVoxels = 0;
        for (var i = 0; i < data.Length; i++)
        {
            var value = data[i];
            if (value == T.Zero)
            {
                counts[0] = counts.GetValueOrDefault(0) + 1;
                continue;
            }

            var asDouble = double.CreateTruncating(value);
            if (asDouble < 0 || asDouble != Math.Floor(asDouble) || asDouble > int.MaxValue)
            {
                var reason = FormattableString.Invariant($"label value {asDouble:G9} at voxel {i} is not a whole non-negative number");
                return new LabelCensus([], foreground, 0, reason);
            }

            var label = (int)asDouble;
            counts[label] = counts.GetValueOrDefault(label) + 1;
            foreground[i] = true;
            foregroundVoxels++;
        }

        var labelList = counts.OrderBy(kv => kv.Key).Select(kv => new LabelVoxels(kv.Key, kv.Value)).ToList();
        return new LabelCensus(labelList, foreground, foregroundVoxels, null);
    }

    private sealed class Counter(IVolume volume) : IVoxelTypeFunc<LabelCensus>
    {
        public LabelCensus Invoke<T>() where T : unmanaged, INumber<T> => Of((Volume<T>)volume);
    }
}
