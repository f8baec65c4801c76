namespace Platform.Grains.Abstractions.Results;

/// <summary>
/// One label of one validation case, scored in the case's native space: Dice and IoU (NaN when prediction and
/// reference are both empty), the confusion counts they come from, and the voxel counts of each side. Then the
/// surface figures (HD95 in mm, +∞ when only one side has the label; surface Dice at 1 mm) and the lesion-wise
/// ones (BraTS 2023 lesion-wise Dice, and the counts that lesion sensitivity = detected / reference lesions and
/// precision = matched / predicted components come from). Figures not computed, or stored before they existed,
/// are NaN and their counts 0.
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Results.CaseScore")]
public sealed record CaseScore(
    [property: Id(0)] string CaseId,
    [property: Id(1)] int Label,
    [property: Id(2)] double Dice,
    [property: Id(3)] double IoU,
    [property: Id(4)] long TruePositives,
    [property: Id(5)] long FalsePositives,
    [property: Id(6)] long FalseNegatives,
    [property: Id(7)] long PredictedVoxels,
    [property: Id(8)] long ReferenceVoxels,
    [property: Id(9)] double Hd95Mm = double.NaN,
    [property: Id(10)] double SurfaceDice = double.NaN,
    [property: Id(11)] double LesionDice = double.NaN,
    [property: Id(12)] int ReferenceLesions = 0,
    [property: Id(13)] int DetectedLesions = 0,
    [property: Id(14)] int PredictedLesions = 0,
    [property: Id(15)] int MatchedPredictions = 0);
