using System.Numerics;
using Platform.Imaging.Geometry;
using Platform.Imaging.Labels;
using Platform.Imaging.Resampling;
using Platform.Imaging.Volumes;

namespace Platform.Preprocessing.Cases;

/// <summary>
/// The per-case pipeline, in nnU-Net/FRAN order: reorient (exact) → crop (nonzero, or lbd box) → remap labels
/// → resample (target spacing, or the patch shape in whole mode) → normalise each channel.
/// <para>Memory: each step replaces the previous step's volume, so besides the caller's input at most two
/// versions of a channel (the step's input and output) are alive at once, plus a byte mask and the label.</para>
/// </summary>
public static class CasePreprocessor
{
    /// <summary>nnU-Net's rule: normalise inside the nonzero mask only if cropping left less than 3/4 of the voxels.</summary>
    public const double MaskRuleFraction = 0.75;

    public static PreprocessedCase Run(IReadOnlyList<IVolume> channels, CasePreprocessingSettings settings) =>
        Run<byte>(channels, null, settings);

    public static PreprocessedCase Run<TLabel>(IReadOnlyList<IVolume> channels, Volume<TLabel>? label, CasePreprocessingSettings settings)
        where TLabel : unmanaged, INumber<TLabel>
    {
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate(channels.Count);
        var original = channels[0].Geometry;
        foreach (var channel in channels)
            if (!channel.Geometry.IsSameSpace(original) || channel.Geometry.Shape != original.Shape)
                throw new ArgumentException($"Channel grid {channel.Geometry} differs from the first channel's {original}.", nameof(channels));
        if (label is not null && (!label.Geometry.IsSameSpace(original) || label.Shape != original.Shape))
            throw new ArgumentException($"Label grid {label.Geometry} differs from the image's {original}.", nameof(label));
        if (settings.Mode == CaseMode.Lbd && label is null)
            throw new ArgumentException("Lbd mode crops around the label foreground and needs a label.", nameof(label));

        // 1. Reorient: a permutation and flips of the voxel array, never an interpolation.
        var axisMap = Reorientation.Plan(original, settings.TargetOrientation);
        var work = new Volume<float>[channels.Count];
        for (var c = 0; c < work.Length; c++)
            work[c] = Reorientation.Apply(channels[c] as Volume<float> ?? channels[c].ConvertTo<float>(), axisMap);
        var reorientedLabel = label is null ? null : Reorientation.Apply(label, axisMap);
        var reoriented = work[0].Geometry;

        // 2. Crop.
        var (box, nonzeroCrop) = CropBox(work, reorientedLabel, settings);
        for (var c = 0; c < work.Length; c++)
            work[c] = Cropping.Crop(work[c], box);
        var croppedLabel = reorientedLabel is null ? null : Cropping.Crop(reorientedLabel, box);
        reorientedLabel = null;
        var cropped = work[0].Geometry;

        // 3. Remap (point-wise, so doing it after the crop only saves work), then narrow to bytes.
        var remappedLabel = croppedLabel is null ? null
            : ToBytes(settings.Remapping is { } r ? LabelRemapping.Apply(croppedLabel, r.Map, r.UnmappedTo) : croppedLabel);
        croppedLabel = null;

        // The z-score mask is the nonzero region of the cropped image, resampled like a label.
        var useMask = nonzeroCrop && cropped.Shape.VoxelCount < MaskRuleFraction * reoriented.Shape.VoxelCount;
        var mask = useMask && settings.Normalization.Any(n => n.Scheme == NormalizationScheme.ZScore && n.MaskWhenCropShrinks)
            ? NonzeroMask(work) : null;

        // 4. Resample.
        var targetSpacing = settings.Mode == CaseMode.Whole ? WholeSpacing(cropped, settings.PatchSize!.Value) : settings.TargetSpacing;
        var options = ResampleOptions.Default with { InPlane = settings.ImageInterpolation };
        for (var c = 0; c < work.Length; c++)
            work[c] = Resampler.Resample(work[c], targetSpacing, options);
        var finalLabel = remappedLabel is null ? null : Resampler.ResampleLabels(remappedLabel, targetSpacing, settings.LabelInterpolation, options);
        if (mask is not null)
            mask = Resampler.ResampleLabels(mask, targetSpacing);
        var final = work[0].Geometry;

        // 5. Normalise in place.
        var applied = new AppliedNormalization[work.Length];
        for (var c = 0; c < work.Length; c++)
        {
            var n = settings.Normalization[c];
            applied[c] = ChannelNormalizer.Apply(work[c], n, n.MaskWhenCropShrinks ? mask : null);
        }

        var locations = finalLabel is null
            ? new Dictionary<int, VoxelIndex[]>()
            : ForegroundLocations.Sample(finalLabel, settings.ForegroundCap, settings.ForegroundSeed);
        var metadata = new CaseMetadata(
            GridGeometry.From(original),
            Orientation.CodeOf(original),
            Orientation.Normalize(settings.TargetOrientation),
            AxisReorientation.From(axisMap),
            GridGeometry.From(reoriented),
            VoxelBox.From(box),
            GridGeometry.From(cropped),
            [targetSpacing.X, targetSpacing.Y, targetSpacing.Z],
            GridGeometry.From(final),
            settings.Mode,
            settings.Remapping,
            applied);
        return new PreprocessedCase(work, finalLabel, locations, metadata);
    }

    /// <summary>The crop box and whether it is the nonzero crop (the only crop nnU-Net's mask rule is about).</summary>
    private static (Box3 Box, bool NonzeroCrop) CropBox<TLabel>(Volume<float>[] channels, Volume<TLabel>? label, CasePreprocessingSettings settings)
        where TLabel : unmanaged, INumber<TLabel>
    {
        var geometry = channels[0].Geometry;
        if (settings.Mode == CaseMode.Lbd)
        {
            var foreground = CaseCropping.ForegroundBox(label!, settings.Remapping)
                ?? throw new ArgumentException("Lbd mode needs foreground in the label, and it has none.", nameof(label));
            return (CaseCropping.Lbd(foreground, geometry.Shape, geometry.Spacing, settings.ExpandByMm, settings.PatchSize!.Value, settings.TargetSpacing), false);
        }

        if (!settings.CropToNonzero)
            return (Box3.Of(geometry.Shape), false);
        var nonzero = CaseCropping.NonzeroUnion(channels)
            ?? throw new ArgumentException("Every channel is zero everywhere.", nameof(channels));
        return (nonzero, true);
    }

    /// <summary>Whole mode: the spacing that spreads the cropped extent over exactly the patch shape.</summary>
    private static Vector3D WholeSpacing(VolumeGeometry cropped, Shape3 patch) => new(
        cropped.Shape.X * cropped.Spacing.X / patch.X,
        cropped.Shape.Y * cropped.Spacing.Y / patch.Y,
        cropped.Shape.Z * cropped.Spacing.Z / patch.Z);

    private static Volume<byte> NonzeroMask(Volume<float>[] channels)
    {
        var mask = new Volume<byte>(channels[0].Geometry);
        foreach (var channel in channels)
            for (var i = 0; i < mask.Data.Length; i++)
                if (channel.Data[i] != 0)
                    mask.Data[i] = 1;
        return mask;
    }

    private static Volume<byte> ToBytes<T>(Volume<T> labels) where T : unmanaged, INumber<T>
    {
        if (labels is Volume<byte> bytes)
            return bytes;
        var data = new byte[labels.Data.Length];
        for (var i = 0; i < data.Length; i++)
        {
            var value = labels.Data[i];
            if (value < T.Zero || value > T.CreateTruncating(byte.MaxValue))
                throw new ArgumentException($"Label value {value} does not fit a byte after remapping.", nameof(labels));
            data[i] = byte.CreateTruncating(value);
        }

        return new Volume<byte>(labels.Geometry, data);
    }
}
