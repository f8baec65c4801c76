namespace Platform.Training.Inference;

/// <summary>The tensor dimensions to flip for each mirrored pass of test-time augmentation.</summary>
public static class MirrorCombinations
{
    /// <summary>
    /// Every non-empty subset of <paramref name="spatialAxes"/> (0 = x, 1 = y, 2 = z) as dimensions of a
    /// [B, C, Z, Y, X] tensor (x is dimension 4, z dimension 2). The unmirrored pass is not included.
    /// </summary>
    public static IReadOnlyList<long[]> TensorDimensions(IReadOnlyList<int> spatialAxes)
    {
        ArgumentNullException.ThrowIfNull(spatialAxes);
        var result = new List<long[]>();
        for (var mask = 1; mask < 1 << spatialAxes.Count; mask++)
        {
            var dims = new List<long>();
            for (var bit = 0; bit < spatialAxes.Count; bit++)
                if ((mask & (1 << bit)) != 0)
                    dims.Add(4 - spatialAxes[bit]);
            result.Add([.. dims]);
        }

        return result;
    }
}
