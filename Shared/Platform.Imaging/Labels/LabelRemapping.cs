using System.Numerics;
using Platform.Imaging.Volumes;

namespace Platform.Imaging.Labels;

/// <summary>
/// Label remapping as FRAN plans express it: a map {source: destination} or two parallel lists. Labels not
/// in the map keep their value, or take <c>unmappedTo</c> when given (FRAN's remapping_imported sends
/// unlisted labels to 0).
/// </summary>
public static class LabelRemapping
{
    public static IReadOnlyDictionary<int, int> FromLists(IReadOnlyList<int> sources, IReadOnlyList<int> destinations)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(destinations);
        if (sources.Count != destinations.Count)
            throw new ArgumentException($"{sources.Count} source labels but {destinations.Count} destinations.", nameof(destinations));
        var map = new Dictionary<int, int>();
        for (var i = 0; i < sources.Count; i++)
            if (!map.TryAdd(sources[i], destinations[i]))
                throw new ArgumentException($"Source label {sources[i]} is listed twice.", nameof(sources));
        return map;
    }

    public static Volume<T> Apply<T>(Volume<T> labels, IReadOnlyDictionary<int, int> map, int? unmappedTo = null)
        where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(map);
        // A lookup table over the label range makes the voxel loop a single indexed load.
        var values = labels.Data.Length == 0 ? [] : labels.Data.Distinct().ToArray();
        var lookup = new Dictionary<T, T>();
        foreach (var value in values)
        {
            var key = int.CreateTruncating(value);
            var target = map.TryGetValue(key, out var mapped) ? mapped : unmappedTo ?? key;
            lookup[value] = T.CreateChecked(target);
        }

        var result = new T[labels.Data.Length];
        Parallel.For(0, labels.Shape.Z, z =>
        {
            var start = labels.IndexOf(0, 0, z);
            var end = start + (labels.Shape.X * labels.Shape.Y);
            for (var i = start; i < end; i++)
                result[i] = lookup[labels.Data[i]];
        });
        return new Volume<T>(labels.Geometry, result);
    }
}
