using System.Numerics;
using Platform.Imaging.Geometry;
using Platform.Imaging.Resampling;
using Platform.Imaging.Volumes;

namespace Platform.Preprocessing.Cases;

/// <summary>
/// The per-case pipeline, in nnU-Net/FRAN order: remap labels (remapping_source, remapping_lbd, the imported map's
/// remapping_imported and the optional merge) → crop (nonzero, or the lbd box) → reorient (exact) → resample
/// (target spacing, or the patch shape in whole mode) → normalise each channel.
/// <para>Memory: the crop box is found in the original voxel indices and mapped through the reorientation, so
/// each channel is cropped first and then reoriented, both in its loaded voxel type (an int16 CT stays 2 bytes
/// per voxel), and becomes float32 only inside <see cref="SlabResampler"/>, which writes straight into the output.
/// Channels go through one at a time, so besides the inputs at most one cropped/reoriented channel, the outputs,
/// the byte labels and the mask are alive. Steps that change nothing (identity reorientation, a crop to the
/// whole image) do not copy. Remapping and cropping commute with reorientation (both are exact), so the result is
/// that of reorient-then-crop.</para>
/// </summary>
public static class CasePreprocessor
{
    /// <summary>nnU-Net's rule: normalise inside the nonzero mask only if cropping left less than 3/4 of the voxels.</summary>
    public const double MaskRuleFraction = 0.75;

    public static PreprocessedCase Run(IReadOnlyList<IVolume> channels, CasePreprocessingSettings settings) =>
        Run(new CaseInput(channels), settings);

    public static PreprocessedCase Run<TLabel>(IReadOnlyList<IVolume> channels, Volume<TLabel>? label, CasePreprocessingSettings settings)
        where TLabel : unmanaged, INumber<TLabel> =>
        Run(new CaseInput(channels, label), settings);

    public static PreprocessedCase Run(CaseInput input, CasePreprocessingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(input.Channels);
        Volume<byte>? native = null;
        var result = Run(new CaseWork(input), settings, label => native = label, CancellationToken.None);
        return result with { NativeLabel = native };
    }

    /// <summary>
    /// The pipeline over volumes it may let go of: each input is dropped from <paramref name="work"/> as soon as the
    /// step that needs it is done, so a caller that holds no other reference lets the GC reclaim it.
    /// <paramref name="nativeLabel"/> receives the remapped label in the original geometry (before it is cropped).
    /// </summary>
    internal static PreprocessedCase Run(CaseWork work, CasePreprocessingSettings settings, Action<Volume<byte>>? nativeLabel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate(work.Channels.Length);
        var original = CheckGrids(work);
        var lbd = settings.Mode == CaseMode.Lbd;
        if (lbd && work.Label is null && work.ImportedLabel is null)
            throw new ArgumentException("Lbd mode crops around the label foreground (or an imported label map's) and the case has neither.", nameof(work));

        var axisMap = Reorientation.Plan(original, settings.TargetOrientation);
        var reoriented = Reorientation.ApplyToGeometry(original, axisMap);

        // 1. Labels, in the original geometry: every remapping level, narrowed to bytes, and the merge.
        var label = work.Label is null ? null : LabelLevels.ToBytes(work.Label, work.LabelName, settings.Remapping, lbd ? settings.LbdRemapping : null);
        work.Label = null;
        var importedRemap = work.ImportedLabel is null || settings.ImportedRemapping is null ? null : settings.ImportedRemapping with { UnmappedTo = 0 };
        var hadImported = work.ImportedLabel is not null;
        var imported = work.ImportedLabel is null ? null : LabelLevels.ToBytes(work.ImportedLabel, work.ImportedLabelName, importedRemap);
        work.ImportedLabel = null;
        var merged = imported is not null && settings.MergeImportedLabels;
        if (merged)
        {
            if (label is null)
                label = imported!.Clone();
            else
                LabelLevels.Merge(label, imported!);
        }

        if (label is not null)
            nativeLabel?.Invoke(label);
        cancellationToken.ThrowIfCancellationRequested();

        // 2. The crop box, in reoriented indices (what the metadata records) and in original ones (where we cut).
        var (box, nonzeroCrop) = CropBox(work, label, imported, original, reoriented, axisMap, settings);
        imported = null;
        var originalBox = NativeVolumes.ToOriginal(box, original.Shape, axisMap);
        var cropped = Reorientation.ApplyToGeometry(
            new VolumeGeometry(originalBox.Size, original.Spacing, original.IndexToWorld(originalBox.MinX, originalBox.MinY, originalBox.MinZ), original.Direction),
            axisMap);

        // The z-score mask is the nonzero region of the cropped image, resampled like a label.
        var useMask = nonzeroCrop && cropped.Shape.VoxelCount < MaskRuleFraction * reoriented.Shape.VoxelCount;
        var mask = useMask && settings.Normalization.Any(n => n.Scheme == NormalizationScheme.ZScore && n.MaskWhenCropShrinks)
            ? new Volume<byte>(cropped) : null;
        var targetSpacing = settings.Mode == CaseMode.Whole ? WholeSpacing(cropped, settings.PatchSize!.Value) : settings.TargetSpacing;
        var options = ResampleOptions.Default with { InPlane = settings.ImageInterpolation };

        // 3. Crop → reorient → resample, one channel at a time, in the loaded voxel type until the resampler.
        var channels = new Volume<float>[work.Channels.Length];
        for (var c = 0; c < channels.Length; c++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var volume = NativeVolumes.Reorient(NativeVolumes.Crop(work.Channels[c]!, originalBox), axisMap);
            work.Channels[c] = null;
            if (mask is not null)
                NativeVolumes.OrNonzeroInto(volume, mask.Data);
            channels[c] = NativeVolumes.Resample(volume, targetSpacing, options);
        }

        var finalLabel = label is null ? null
            : Resampler.ResampleLabels((Volume<byte>)NativeVolumes.Reorient(NativeVolumes.Crop(label, originalBox), axisMap), targetSpacing, settings.LabelInterpolation, options);
        label = null;
        if (mask is not null)
            mask = Resampler.ResampleLabels(mask, targetSpacing);
        var final = channels[0].Geometry;
        cancellationToken.ThrowIfCancellationRequested();

        // 4. Normalise in place.
        var applied = new AppliedNormalization[channels.Length];
        for (var c = 0; c < channels.Length; c++)
        {
            var n = settings.Normalization[c];
            applied[c] = ChannelNormalizer.Apply(channels[c], n, n.MaskWhenCropShrinks ? mask : null);
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
            applied)
        {
            LbdRemapping = lbd ? settings.LbdRemapping : null,
            ImportedRemapping = importedRemap,
            HadImportedLabels = hadImported,
            MergedImportedLabels = merged,
        };
        return new PreprocessedCase(channels, finalLabel, locations, metadata);
    }

    private static VolumeGeometry CheckGrids(CaseWork work)
    {
        var original = work.Channels[0]!.Geometry;
        for (var c = 0; c < work.Channels.Length; c++)
        {
            var channel = work.Channels[c] ?? throw new ArgumentException($"{work.ChannelName(c)} is null.", nameof(work));
            if (!channel.Geometry.IsSameSpace(original) || channel.Geometry.Shape != original.Shape)
                throw new ArgumentException($"{work.ChannelName(c)}: grid ({channel.Geometry}) differs from {work.ChannelName(0)}'s ({original}).", nameof(work));
        }

        if (work.Label is { } label && (!label.Geometry.IsSameSpace(original) || label.Geometry.Shape != original.Shape))
            throw new ArgumentException($"{work.LabelName}: grid ({label.Geometry}) differs from the image's ({original}).", nameof(work));
        if (work.ImportedLabel is { } imported && (!imported.Geometry.IsSameSpace(original) || imported.Geometry.Shape != original.Shape))
            throw new ArgumentException($"{work.ImportedLabelName}: grid ({imported.Geometry}) differs from the image's ({original}).", nameof(work));
        return original;
    }

    /// <summary>The crop box in reoriented indices and whether it is the nonzero crop (the only crop nnU-Net's mask rule is about).</summary>
    private static (Box3 Box, bool NonzeroCrop) CropBox(
        CaseWork work, Volume<byte>? label, Volume<byte>? imported, VolumeGeometry original, VolumeGeometry reoriented,
        Reorientation.AxisMap axisMap, CasePreprocessingSettings settings)
    {
        if (settings.Mode == CaseMode.Lbd)
        {
            // The imported map (a localiser's prediction) steers the crop when there is one; labels remapped to
            // background no longer count as foreground.
            var (source, name) = imported is not null ? (imported, work.ImportedLabelName) : (label!, work.LabelName);
            var foreground = Cropping.NonzeroBox(source)
                ?? throw new ArgumentException($"{name}: lbd mode needs foreground to crop around, and there is none (after remapping).", nameof(work));
            var inTarget = NativeVolumes.ToReoriented(foreground, original.Shape, axisMap);
            return (CaseCropping.Lbd(inTarget, reoriented.Shape, reoriented.Spacing, settings.ExpandByMm, settings.PatchSize!.Value, settings.TargetSpacing), false);
        }

        if (!settings.CropToNonzero)
            return (Box3.Of(reoriented.Shape), false);
        Box3? union = null;
        foreach (var channel in work.Channels)
            if (NativeVolumes.NonzeroBox(channel!) is { } b)
                union = union is { } u ? u.Union(b) : b;
        var nonzero = union ?? throw new ArgumentException($"Every channel is zero everywhere ({string.Join(", ", Enumerable.Range(0, work.Channels.Length).Select(work.ChannelName))}); there is nothing to crop to.", nameof(work));
        return (NativeVolumes.ToReoriented(nonzero, original.Shape, axisMap), true);
    }

    /// <summary>Whole mode: the spacing that spreads the cropped extent over exactly the patch shape.</summary>
    private static Vector3D WholeSpacing(VolumeGeometry cropped, Shape3 patch) => new(
        cropped.Shape.X * cropped.Spacing.X / patch.X,
        cropped.Shape.Y * cropped.Spacing.Y / patch.Y,
        cropped.Shape.Z * cropped.Spacing.Z / patch.Z);
}
