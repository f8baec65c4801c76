using Platform.Imaging.Volumes;
using Platform.Preprocessing.Cases;

namespace Platform.Training.Inference;

/// <summary>
/// Brings predictions from the preprocessed grid back to the original image, as nnU-Net does: each class's
/// probability map is resampled (linearly, through <see cref="CaseInverter"/>: resample onto the cropped grid,
/// pad the crop with 0, undo the reorientation) and the label is the argmax of the resampled maps. Outside the
/// crop every class is 0 and the tie goes to class 0, the background.
/// <para>Memory: classes are mapped one at a time into a running argmax, so besides the K preprocessed maps
/// the peak is one class on the cropped grid, about three original-size float maps (CaseInverter's padded
/// and reoriented copies plus the running maximum) and the byte labels, not K original-size maps.</para>
/// </summary>
public static class NativeSpaceMapper
{
    /// <summary>
    /// The label map on the original grid. <paramref name="classLabels"/> gives the label value written for
    /// each class (null: class k is label k).
    /// </summary>
    public static Volume<byte> ToOriginalLabels(ClassMaps prediction, CaseMetadata metadata, IReadOnlyList<byte>? classLabels = null)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(metadata);
        CheckClassLabels(prediction, classLabels);
        var probabilities = prediction.ToProbabilities();
        var finalGrid = FinalGrid(probabilities, metadata);
        float[]? best = null;
        byte[]? labels = null;
        VolumeGeometry? original = null;
        for (var k = 0; k < probabilities.ClassCount; k++)
        {
            var back = CaseInverter.ToOriginal(probabilities.ClassVolume(k, finalGrid), metadata);
            var label = classLabels?[k] ?? (byte)k;
            if (best is null)
            {
                best = back.Data;
                labels = new byte[best.Length];
                if (label != 0)
                    Array.Fill(labels, label);
                original = back.Geometry;
                continue;
            }

            var data = back.Data;
            for (var i = 0; i < data.Length; i++)
                if (data[i] > best[i])
                {
                    best[i] = data[i];
                    labels![i] = label;
                }
        }

        return new Volume<byte>(original!, labels!);
    }

    /// <summary>Every class's probability map on the original grid (K original-size float maps in memory).</summary>
    public static IReadOnlyList<Volume<float>> ToOriginalProbabilities(ClassMaps prediction, CaseMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(metadata);
        var probabilities = prediction.ToProbabilities();
        var finalGrid = FinalGrid(probabilities, metadata);
        return [.. Enumerable.Range(0, probabilities.ClassCount).Select(k => CaseInverter.ToOriginal(probabilities.ClassVolume(k, finalGrid), metadata))];
    }

    private static VolumeGeometry FinalGrid(ClassMaps prediction, CaseMetadata metadata)
    {
        var final = metadata.Final.ToVolumeGeometry();
        if (final.Shape != prediction.Shape)
            throw new ArgumentException($"Prediction shape {prediction.Shape} is not the case's preprocessed shape {final.Shape}.", nameof(prediction));
        return final;
    }

    private static void CheckClassLabels(ClassMaps prediction, IReadOnlyList<byte>? classLabels)
    {
        if (classLabels is not null && classLabels.Count != prediction.ClassCount)
            throw new ArgumentException($"{classLabels.Count} class labels given for {prediction.ClassCount} classes.", nameof(classLabels));
        if (classLabels is null && prediction.ClassCount > byte.MaxValue + 1)
            throw new ArgumentException($"{prediction.ClassCount} classes do not fit a byte label map.", nameof(prediction));
    }
}
