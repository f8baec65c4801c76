namespace Platform.Grains.Abstractions.Results;

/// <summary>
/// One label of one validation case, scored in the case's native space: Dice and IoU (NaN when prediction and
/// reference are both empty), the confusion counts they come from, and the voxel counts of each side.
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
    [property: Id(8)] long ReferenceVoxels);
