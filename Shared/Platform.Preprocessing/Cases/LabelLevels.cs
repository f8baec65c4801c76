using System.Numerics;
using Platform.Imaging.Volumes;

namespace Platform.Preprocessing.Cases;

/// <summary>
/// FRAN's remapping levels on a label map of any voxel type, in one pass that also narrows to bytes (the stored
/// label type), and the merge of an imported label map. Remaps apply in the given order, each with its own
/// rule for unlisted labels.
/// </summary>
internal static class LabelLevels
{
    /// <summary>Integer labels from this range go through a lookup table instead of a dictionary.</summary>
    private const int TableMin = short.MinValue;
    private const int TableMax = ushort.MaxValue;

    /// <summary>
    /// The label map after <paramref name="remaps"/> (null entries skipped) as bytes. <paramref name="what"/> names
    /// the map in errors (non-integer values, values that do not fit 0–255 after remapping).
    /// </summary>
    public static Volume<byte> ToBytes(IVolume labels, string what, params LabelRemap?[] remaps)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return VoxelTypeDispatch.Dispatch(labels.VoxelType, new Narrow(labels, what, remaps));
    }

    /// <summary>Writes the imported foreground into <paramref name="label"/> where it is background (in place).</summary>
    public static void Merge(Volume<byte> label, Volume<byte> imported)
    {
        var target = label.Data;
        var source = imported.Data;
        for (var i = 0; i < target.Length; i++)
            if (target[i] == 0)
                target[i] = source[i];
    }

    public static int Map(int value, IReadOnlyList<LabelRemap?> remaps)
    {
        foreach (var remap in remaps)
            if (remap is not null)
                value = remap.Map.TryGetValue(value, out var mapped) ? mapped : remap.UnmappedTo ?? value;
        return value;
    }

    private sealed class Narrow(IVolume labels, string what, IReadOnlyList<LabelRemap?> remaps) : IVoxelTypeFunc<Volume<byte>>
    {
        public Volume<byte> Invoke<T>() where T : unmanaged, INumber<T>
        {
            var source = ((Volume<T>)labels).Data;
            var result = new byte[source.Length];
            var floating = typeof(T) == typeof(float) || typeof(T) == typeof(double);
            // -1 marks "not looked up yet", -2 "does not fit a byte"; entries are filled on first use.
            var table = new short[TableMax - TableMin + 1];
            table.AsSpan().Fill(-1);
            Dictionary<int, short>? others = null;
            for (var i = 0; i < source.Length; i++)
            {
                var voxel = source[i];
                if (floating && !T.IsInteger(voxel))
                    throw new ArgumentException($"{what}: label value {voxel} at voxel {i} is not an integer.");
                var value = int.CreateSaturating(voxel);
                short mapped;
                if (value is >= TableMin and <= TableMax)
                {
                    mapped = table[value - TableMin];
                    if (mapped == -1)
                        mapped = table[value - TableMin] = Lookup(value);
                }
                else
                {
                    others ??= [];
                    if (!others.TryGetValue(value, out mapped))
                        others[value] = mapped = Lookup(value);
                }

                if (mapped < 0)
                    throw new ArgumentException($"{what}: label {value} becomes {Map(value, remaps)} after remapping, outside 0–255 (labels are stored as bytes).");
                result[i] = (byte)mapped;
            }

            return new Volume<byte>(labels.Geometry, result);
        }

        private short Lookup(int value)
        {
            var mapped = Map(value, remaps);
            return mapped is >= 0 and <= byte.MaxValue ? (short)mapped : (short)-2;
        }
    }
}
