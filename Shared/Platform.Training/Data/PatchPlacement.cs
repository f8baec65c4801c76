using Platform.Imaging.Volumes;

namespace Platform.Training.Data;

/// <summary>
/// Where a sampled patch may start in a case, by nnU-Net's rules (nnUNetDataLoader.get_bbox). The sampled patch may
/// stick out of the case by half of (sampled − final patch) on each side — nnU-Net's need_to_pad — so that after the
/// spatial transform crops back to the final patch, its centre can reach the case's border; if the case is smaller
/// than the sampled patch, the case is padded (centred) to fit.
/// </summary>
public static class PatchPlacement
{
    /// <summary>Lowest and highest start along one axis.</summary>
    public static (int Lower, int Upper) StartRange(int caseSize, int sampledSize, int finalSize)
    {
        var needToPad = sampledSize - finalSize;
        if (needToPad + caseSize < sampledSize)
            needToPad = sampledSize - caseSize;
        // Python's -n // 2 rounds towards minus infinity: one more voxel of padding below than above for odd n.
        var lower = -((needToPad + 1) / 2);
        var upper = caseSize + (needToPad / 2) + (needToPad % 2) - sampledSize;
        return (lower, upper);
    }

    /// <summary>A uniformly random start (each axis independently).</summary>
    public static VoxelIndex Random(Shape3 caseShape, Shape3 sampled, Shape3 final, BatchRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var (lx, ux) = StartRange(caseShape.X, sampled.X, final.X);
        var (ly, uy) = StartRange(caseShape.Y, sampled.Y, final.Y);
        var (lz, uz) = StartRange(caseShape.Z, sampled.Z, final.Z);
        var x = random.NextInclusive(lx, ux);
        var y = random.NextInclusive(ly, uy);
        var z = random.NextInclusive(lz, uz);
        return new VoxelIndex(x, y, z);
    }

    /// <summary>
    /// The start that centres the sampled patch on <paramref name="voxel"/>, not below the lowest start (nnU-Net does
    /// not cap it above either: a patch around a voxel near the far border sticks out further).
    /// </summary>
    public static VoxelIndex Around(Shape3 caseShape, Shape3 sampled, Shape3 final, VoxelIndex voxel) => new(
        Math.Max(StartRange(caseShape.X, sampled.X, final.X).Lower, voxel.X - (sampled.X / 2)),
        Math.Max(StartRange(caseShape.Y, sampled.Y, final.Y).Lower, voxel.Y - (sampled.Y / 2)),
        Math.Max(StartRange(caseShape.Z, sampled.Z, final.Z).Lower, voxel.Z - (sampled.Z / 2)));
}
