using System.Numerics;
using Platform.Imaging.Geometry;
using Platform.Imaging.Resampling;
using Platform.Imaging.Volumes;

namespace Platform.Preprocessing.Cases;

/// <summary>
/// Maps predictions from preprocessed space back onto the original image's voxel grid, undoing the pipeline
/// step by step: resample onto the cropped pre-resampling grid (<see cref="GridResampler"/>, exact when the
/// spacing was not changed), pad the crop back with background, undo the reorientation by the stored axis map.
/// The result carries the original geometry exactly as recorded.
/// </summary>
public static class CaseInverter
{
    public static Volume<byte> ToOriginal(Volume<byte> prediction, CaseMetadata metadata, LabelInterpolation mode = LabelInterpolation.Nearest)
    {
        var onFinal = OnFinalGrid(prediction, metadata);
        var cropped = GridResampler.ResampleLabels(onFinal, metadata.Cropped.ToVolumeGeometry(), mode);
        return Restore(cropped, metadata);
    }

    /// <summary>For per-class probability (or any float) maps: linear onto the cropped grid, 0 outside the crop.</summary>
    public static Volume<float> ToOriginal(Volume<float> map, CaseMetadata metadata, Interpolation interpolation = Interpolation.Linear)
    {
        var onFinal = OnFinalGrid(map, metadata);
        var cropped = GridResampler.Resample(onFinal, metadata.Cropped.ToVolumeGeometry(), interpolation);
        return Restore(cropped, metadata);
    }

    /// <summary>Predictions often come without geometry (a tensor); only the shape has to match.</summary>
    private static Volume<T> OnFinalGrid<T>(Volume<T> prediction, CaseMetadata metadata) where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(metadata);
        var final = metadata.Final.ToVolumeGeometry();
        if (prediction.Shape != final.Shape)
            throw new ArgumentException($"Prediction shape {prediction.Shape} is not the preprocessed shape {final.Shape}.", nameof(prediction));
        return new Volume<T>(final, prediction.Data);
    }

    private static Volume<T> Restore<T>(Volume<T> cropped, CaseMetadata metadata) where T : unmanaged, INumber<T>
    {
        var box = metadata.CropBox.ToBox3();
        var full = metadata.Reoriented.ToVolumeGeometry().Shape;
        // Extract with a box reaching outside the crop pads with background.
        var uncropped = Cropping.Extract(cropped, new Box3(-box.MinX, -box.MinY, -box.MinZ, full.X - box.MinX, full.Y - box.MinY, full.Z - box.MinZ));
        var restored = Reorientation.Apply(uncropped, metadata.Reorientation.Inverse());
        var original = metadata.Original.ToVolumeGeometry();
        if (!restored.Geometry.IsSameSpace(original))
            throw new InvalidOperationException($"Inverse mapping ended on {restored.Geometry}, not the original {original}.");
        return new Volume<T>(original, restored.Data);
    }
}
