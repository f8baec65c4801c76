namespace Platform.Imaging.Metrics;

/// <summary>Lesion-wise figures of one label in one case.</summary>
/// <param name="Label">The label scored.</param>
/// <param name="Counts">Detection counts; sensitivity, precision and F1 follow from them.</param>
/// <param name="LesionDice">
/// BraTS 2023's lesion-wise Dice: the mean over (reference lesions + false-positive components) of each
/// reference lesion's Dice with the union of the predicted components touching it (0 when it is missed), a
/// false-positive component scoring 0. NaN when both maps are empty for the label (nnU-Net's convention, where
/// BraTS would say 1); 0 when only the prediction has lesions.
/// </param>
public sealed record LesionScores(int Label, LesionCounts Counts, double LesionDice)
{
    public double Sensitivity => Counts.Sensitivity;

    public double Precision => Counts.Precision;

    public double F1 => Counts.F1;
}
