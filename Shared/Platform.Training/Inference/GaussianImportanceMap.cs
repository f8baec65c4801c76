using Platform.Imaging.Volumes;

namespace Platform.Training.Inference;

/// <summary>
/// nnU-Net's tile weights: a Gaussian centred on voxel floor(patch/2) with σ = <c>sigmaFraction</c> × patch per
/// axis, scaled so its peak is 1, then every zero raised to the smallest non-zero value, so that no voxel of
/// a tile counts for nothing (a voxel covered only by tile borders would otherwise divide 0 by 0).
/// </summary>
public static class GaussianImportanceMap
{
    /// <summary>Weights of one tile, x fastest (the layout of <see cref="Volume{T}.Data"/> and of a [Z, Y, X] tensor).</summary>
    public static float[] Create(Shape3 patch, double sigmaFraction = 1.0 / 8)
    {
        if (patch.IsEmpty)
            throw new ArgumentException($"Patch {patch} must be positive along every axis.", nameof(patch));
        if (!(sigmaFraction > 0) || !double.IsFinite(sigmaFraction))
            throw new ArgumentOutOfRangeException(nameof(sigmaFraction), sigmaFraction, "σ as a fraction of the patch must be positive.");
        // Separable: the 3D Gaussian is the product of one profile per axis, each already peaking at 1.
        var px = Profile(patch.X, sigmaFraction);
        var py = Profile(patch.Y, sigmaFraction);
        var pz = Profile(patch.Z, sigmaFraction);
        var map = new float[patch.VoxelCount];
        var smallestNonZero = float.MaxValue;
        var i = 0;
        for (var z = 0; z < patch.Z; z++)
            for (var y = 0; y < patch.Y; y++)
                for (var x = 0; x < patch.X; x++, i++)
                {
                    var value = (float)(pz[z] * py[y] * px[x]);
                    map[i] = value;
                    if (value > 0 && value < smallestNonZero)
                        smallestNonZero = value;
                }

        for (var k = 0; k < map.Length; k++)
            if (map[k] == 0)
                map[k] = smallestNonZero;
        return map;
    }

    private static double[] Profile(int length, double sigmaFraction)
    {
        var centre = length / 2;
        var sigma = length * sigmaFraction;
        var profile = new double[length];
        for (var i = 0; i < length; i++)
        {
            var d = i - centre;
            profile[i] = Math.Exp(-(d * d) / (2 * sigma * sigma));
        }

        return profile;
    }
}
