namespace Platform.Imaging.Metrics;

/// <summary>
/// Overlap scores of one label in one case, from voxel counts. Conventions (nnU-Net): Dice and IoU are NaN
/// only when prediction and reference are both empty; a prediction on an empty reference scores 0.
/// Precision is NaN with an empty prediction, recall with an empty reference.
/// </summary>
public sealed record OverlapScores(int Label, long TruePositives, long FalsePositives, long FalseNegatives, long TrueNegatives, double VoxelVolumeMm3)
{
    public long PredictedVoxels => TruePositives + FalsePositives;

    public long ReferenceVoxels => TruePositives + FalseNegatives;

    public double Dice => PredictedVoxels + ReferenceVoxels == 0 ? double.NaN : 2.0 * TruePositives / (PredictedVoxels + ReferenceVoxels);

    public double IoU => PredictedVoxels + ReferenceVoxels == 0 ? double.NaN : (double)TruePositives / (TruePositives + FalsePositives + FalseNegatives);

    public double Precision => PredictedVoxels == 0 ? double.NaN : (double)TruePositives / PredictedVoxels;

    public double Recall => ReferenceVoxels == 0 ? double.NaN : (double)TruePositives / ReferenceVoxels;

    /// <summary>Predicted minus reference volume in mm³ (signed: positive means over-segmentation).</summary>
    public double VolumeDifferenceMm3 => (PredictedVoxels - ReferenceVoxels) * VoxelVolumeMm3;
}
