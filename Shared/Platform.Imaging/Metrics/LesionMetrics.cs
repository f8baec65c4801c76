using System.Numerics;
using Platform.Imaging.Labels;
using Platform.Imaging.Volumes;

namespace Platform.Imaging.Metrics;

/// <summary>
/// Lesion-wise scores of one label, following BraTS 2023's lesion-wise evaluation:
/// <list type="number">
/// <item>Lesions are the 26-connected components of the label in each map (BraTS uses cc3d with connectivity 26).</item>
/// <item>The reference mask is dilated <see cref="LesionMatchingOptions.DilationVoxels"/> times; each component of
/// the grown mask is one reference lesion (the reference voxels inside it) with that component as its matching
/// region, so lesions closer than the dilation merge. With no dilation the region is the lesion itself.</item>
/// <item>The predicted components meeting a lesion's region are its candidates. The lesion is detected when it has
/// candidates and its IoU with their union reaches <see cref="LesionMatchingOptions.MinimumIoU"/> (0 by default:
/// any candidate detects it). A detected lesion scores the Dice with its candidates' union; a missed one scores 0.</item>
/// <item>Predicted components that are candidates of no detected lesion are false positives, each scoring Dice 0.
/// Candidates of lesions below the minimum volume are neither (the small lesion and its match are ignored).</item>
/// </list>
/// Lesion-wise HD95 (BraTS's second figure, with 374 mm for misses) is not computed.
/// KiTS reports no lesion-wise figures: its tumour scores are per-region Dice and surface Dice over the whole case.
/// </summary>
public static class LesionMetrics
{
    public static LesionScores Compute<T>(Volume<T> prediction, Volume<T> reference, int label, LesionMatchingOptions? options = null)
        where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(reference);
        options ??= LesionMatchingOptions.Default;
        options.Check();
        if (prediction.Shape != reference.Shape)
            throw new ArgumentException($"Prediction shape {prediction.Shape} differs from reference {reference.Shape}.", nameof(reference));

        var value = T.CreateTruncating(label);
        var referenceMask = Mask(reference, value);
        var predictionMask = Mask(prediction, value);
        var predicted = ConnectedComponents.Label(AsVolume(predictionMask, reference.Geometry), Connectivity.TwentySix);
        var regionMask = options.DilationVoxels == 0 ? referenceMask : BinaryDilation.Dilate(referenceMask, reference.Shape, options.DilationVoxels);
        var regions = ConnectedComponents.Label(AsVolume(regionMask, reference.Geometry), Connectivity.TwentySix);

        var lesions = LesionTally.Gather(regions, predicted, referenceMask, predictionMask);
        var spacing = reference.Geometry.Spacing;
        var voxelVolume = spacing.X * spacing.Y * spacing.Z;
        return Score(label, lesions, predicted, voxelVolume, options);
    }

    private static LesionScores Score(int label, LesionTally lesions, ComponentMap predicted, double voxelVolume, LesionMatchingOptions options)
    {
        var matched = new HashSet<int>();
        var excused = new HashSet<int>();
        var scored = 0;
        var detected = 0;
        double diceSum = 0;
        for (var lesion = 1; lesion <= lesions.Count; lesion++)
        {
            var candidates = lesions.Candidates[lesion];
            if (lesions.Voxels[lesion] * voxelVolume < options.MinimumLesionVolumeMm3)
            {
                excused.UnionWith(candidates);
                continue;
            }

            scored++;
            var predictedVoxels = candidates.Sum(c => predicted.SizeOf[c]);
            var overlap = lesions.Overlap[lesion];
            var iou = (double)overlap / (lesions.Voxels[lesion] + predictedVoxels - overlap);
            if (candidates.Count == 0 || iou < options.MinimumIoU)
                continue;
            detected++;
            matched.UnionWith(candidates);
            diceSum += 2.0 * overlap / (lesions.Voxels[lesion] + predictedVoxels);
        }

        excused.ExceptWith(matched);
        var counts = new LesionCounts(scored, detected, predicted.Count - excused.Count, matched.Count);
        var lesionsInMean = scored + counts.FalsePositiveLesions;
        return new LesionScores(label, counts, lesionsInMean == 0 ? double.NaN : diceSum / lesionsInMean);
    }

    private static bool[] Mask<T>(Volume<T> volume, T value) where T : unmanaged, INumber<T>
    {
        var mask = new bool[volume.Data.Length];
        for (var i = 0; i < mask.Length; i++)
            mask[i] = volume.Data[i] == value;
        return mask;
    }

    private static Volume<byte> AsVolume(bool[] mask, VolumeGeometry geometry)
    {
        var data = new byte[mask.Length];
        for (var i = 0; i < data.Length; i++)
            data[i] = mask[i] ? (byte)1 : (byte)0;
        return new Volume<byte>(geometry, data);
    }
}
