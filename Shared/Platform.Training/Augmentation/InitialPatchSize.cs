using Platform.Imaging.Volumes;

namespace Platform.Training.Augmentation;

/// <summary>
/// The patch to sample before rotation and scaling, so that the transformed final patch finds image data under it
/// (nnU-Net's get_patch_size): rotate the patch's edge vector by the largest angle about each axis in turn (capped at
/// 90°), keep the largest absolute extent per axis, divide by the smallest assumed scale and truncate. Like nnU-Net it
/// looks at the extreme angles only; corners that still fall outside become padding.
/// </summary>
public static class InitialPatchSize
{
    public static Shape3 For(Shape3 finalPatch, AugmentationSettings? settings)
    {
        if (finalPatch.IsEmpty)
            throw new ArgumentException($"The patch size {finalPatch} must be positive along every axis.", nameof(finalPatch));
        if (settings is null || !settings.HasSpatialTransform)
            return finalPatch;

        var rotates = settings.RotationProbability > 0;
        var rx = rotates ? Math.Min(Math.PI / 2, settings.RotationRangeX) : 0;
        var ry = rotates ? Math.Min(Math.PI / 2, settings.RotationRangeY) : 0;
        var rz = rotates ? Math.Min(Math.PI / 2, settings.RotationRangeZ) : 0;
        double x = finalPatch.X, y = finalPatch.Y, z = finalPatch.Z;
        double maxX = x, maxY = y, maxZ = z;

        // About x: (y, z) turn. About y: (z, x). About z: (x, y). Same component formulas as batchgenerators' rotate_coords_3d.
        maxY = Math.Max(maxY, Math.Abs((y * Math.Cos(rx)) - (z * Math.Sin(rx))));
        maxZ = Math.Max(maxZ, Math.Abs((z * Math.Cos(rx)) + (y * Math.Sin(rx))));
        maxZ = Math.Max(maxZ, Math.Abs((z * Math.Cos(ry)) - (x * Math.Sin(ry))));
        maxX = Math.Max(maxX, Math.Abs((x * Math.Cos(ry)) + (z * Math.Sin(ry))));
        maxX = Math.Max(maxX, Math.Abs((x * Math.Cos(rz)) - (y * Math.Sin(rz))));
        maxY = Math.Max(maxY, Math.Abs((y * Math.Cos(rz)) + (x * Math.Sin(rz))));

        var minScale = settings.ScaleProbability > 0 ? settings.InitialPatchMinScale : 1;
        var result = new Shape3(
            Math.Max(finalPatch.X, (int)(maxX / minScale)),
            Math.Max(finalPatch.Y, (int)(maxY / minScale)),
            Math.Max(finalPatch.Z, (int)(maxZ / minScale)));
        // In-plane augmentation never moves data along z, so z needs no margin (nnU-Net resets it to the final size).
        return settings.InPlaneOnly ? result with { Z = finalPatch.Z } : result;
    }
}
