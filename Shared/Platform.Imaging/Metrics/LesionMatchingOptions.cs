namespace Platform.Imaging.Metrics;

/// <summary>
/// How lesions are found and matched by <see cref="LesionMetrics"/>. The defaults count any overlap: a reference
/// lesion is detected when at least one predicted voxel touches it (IoU &gt; 0), nothing is grown and nothing is
/// too small. <see cref="BraTS2023"/> gives the challenge's settings.
/// </summary>
public sealed record LesionMatchingOptions
{
    /// <summary>Any overlap detects, no dilation, no minimum size, 26-connectivity.</summary>
    public static LesionMatchingOptions Default { get; } = new();

    /// <summary>
    /// Steps of 18-neighbourhood dilation applied to the reference before matching (BraTS 2023: 3 for glioma,
    /// SSA and paediatric tumours, 1 for meningioma and metastases). Reference lesions whose grown regions touch
    /// are merged into one lesion, and a predicted component counts as touching a lesion when it meets the grown
    /// region. Default 0: lesions are the reference components themselves.
    /// </summary>
    public int DilationVoxels { get; init; }

    /// <summary>
    /// A reference lesion with predicted components is detected when the IoU between it and the union of those
    /// components is at least this. Default 0: any touching component detects it (with no dilation, any
    /// overlap of one voxel or more). Use <see cref="DiceThreshold"/> for a threshold stated as Dice.
    /// </summary>
    public double MinimumIoU { get; init; }

    /// <summary>
    /// Reference lesions smaller than this (mm³) are left out of every lesion figure, and so are the predicted
    /// components that touch only such lesions; other predicted components count whatever their size (BraTS 2023
    /// thresholds the reference only). Default 0: nothing is left out. BraTS drops lesions of 50 voxels or fewer
    /// (at 1 mm³ a voxel, a minimum of 51 mm³) and, for metastases, of 2 voxels or fewer.
    /// </summary>
    public double MinimumLesionVolumeMm3 { get; init; }

    /// <summary>The IoU equal to a Dice threshold (Dice = 2·IoU / (1 + IoU), so IoU = Dice / (2 − Dice)).</summary>
    public static double DiceThreshold(double dice)
    {
        if (dice is < 0 or > 1 || double.IsNaN(dice))
            throw new ArgumentOutOfRangeException(nameof(dice), dice, "A Dice threshold lies in 0..1.");
        return dice / (2 - dice);
    }

    /// <summary>
    /// The BraTS 2023 lesion-wise settings for a dilation and the largest lesion volume (voxels at 1 mm³) that the
    /// challenge ignores: glioma <c>BraTS2023(3, 50)</c>, meningioma <c>BraTS2023(1, 50)</c>, metastases
    /// <c>BraTS2023(1, 2)</c>.
    /// </summary>
    public static LesionMatchingOptions BraTS2023(int dilationVoxels, double ignoredUpToMm3) =>
        new() { DilationVoxels = dilationVoxels, MinimumLesionVolumeMm3 = Math.BitIncrement(ignoredUpToMm3) };

    internal void Check()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(DilationVoxels);
        if (MinimumIoU is < 0 or > 1 || double.IsNaN(MinimumIoU))
            throw new ArgumentOutOfRangeException(nameof(MinimumIoU), MinimumIoU, "The IoU threshold lies in 0..1.");
        if (MinimumLesionVolumeMm3 < 0 || double.IsNaN(MinimumLesionVolumeMm3))
            throw new ArgumentOutOfRangeException(nameof(MinimumLesionVolumeMm3), MinimumLesionVolumeMm3, "The minimum lesion volume is not negative.");
    }
}
