using Platform.Imaging.Volumes;
using Platform.Training.Augmentation;

namespace Platform.Training.Data;

/// <summary>
/// Builds batch i of a run as a pure function of (seed, i): nnU-Net's sampling (random cases with replacement, the
/// last samples of each batch centred on foreground, patches allowed to stick out by need_to_pad), then the
/// augmentation, then <c>remapping_train</c>. FRAN's sampling options shape the draw: empty cases left out
/// (<see cref="BatchLoaderOptions.IncludeEmptyCases"/>), several samples per drawn case
/// (<see cref="BatchLoaderOptions.SamplesPerCase"/>), labels that never centre a patch
/// (<see cref="BatchLoaderOptions.ExcludedForegroundLabels"/>) and centres from the label map instead of stored
/// locations (<see cref="BatchLoaderOptions.StoredForegroundLocations"/>). Thread-safe: each thread passes its own
/// <see cref="BatchWorkspace"/>.
/// </summary>
public sealed class BatchBuilder
{
    private readonly ITrainingCase[] _cases;
    private readonly int[][] _eligibleClasses;
    private readonly BatchLoaderOptions _options;
    private readonly int _forcedForeground;

    public BatchBuilder(IReadOnlyList<ITrainingCase> cases, BatchLoaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (cases.Count == 0)
            throw new ArgumentException("The batch loader needs at least one training case.", nameof(cases));
        for (var i = 0; i < cases.Count; i++)
        {
            var c = cases[i] ?? throw new ArgumentException($"Training case {i} is null.", nameof(cases));
            if (c.Channels != cases[0].Channels)
                throw new ArgumentException($"Case '{c.CaseId}' has {c.Channels} channel(s), case '{cases[0].CaseId}' has {cases[0].Channels}; a batch needs the same on every case.", nameof(cases));
            if (c.Shape.IsEmpty)
                throw new ArgumentException($"Case '{c.CaseId}' has an empty shape {c.Shape}.", nameof(cases));
        }
        _cases = options.IncludeEmptyCases ? [.. cases] : [.. cases.Where(c => c.ForegroundLabels.Any(l => l > 0))];
        if (_cases.Length == 0)
            throw new ArgumentException($"All {cases.Count} cases have an empty label map, and empty cases are left out of the draw (FRAN's nnz_allowed is off).", nameof(cases));
        _options = options;
        Channels = _cases[0].Channels;
        SampledPatchSize = InitialPatchSize.For(options.PatchSize, options.Augmentation);
        _forcedForeground = ForegroundOversampling.ForcedCount(options.BatchSize, options.OversampleForeground);
        _eligibleClasses = Array.ConvertAll(_cases, c => EligibleClasses(c, options));
    }

    public int Channels { get; }

    /// <summary>The patch read before the spatial transform (the final patch when there is none).</summary>
    public Shape3 SampledPatchSize { get; }

    public BatchLoaderOptions Options => _options;

    public BatchWorkspace CreateWorkspace() => new(Channels, SampledPatchSize, _options.PatchSize);

    /// <summary>Builds batch <paramref name="index"/>; failures surface as <see cref="BatchLoadException"/> naming the case.</summary>
    /// <remarks><paramref name="cancellationToken"/> is checked between samples (a loader being disposed stops promptly).</remarks>
    public TrainingBatch Build(long index, BatchWorkspace workspace, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var random = BatchRandom.ForBatch(_options.Seed, index);
        var batch = new TrainingBatch(index, _options.BatchSize, Channels, _options.PatchSize);
        var patchVoxels = (int)_options.PatchSize.VoxelCount;
        var caseIndex = 0;
        for (var b = 0; b < _options.BatchSize; b++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // One draw per SamplesPerCase samples; with 1 the draws are those of nnU-Net's loader (one per sample).
            if (b % _options.SamplesPerCase == 0)
                caseIndex = random.NextInt(_cases.Length);
            var trainingCase = _cases[caseIndex];
            try
            {
                var forceForeground = b >= _options.BatchSize - _forcedForeground;
                BuildSample(trainingCase, _eligibleClasses[caseIndex], forceForeground, random, workspace,
                    batch.Images.AsSpan(b * Channels * patchVoxels, Channels * patchVoxels), batch.Labels.AsSpan(b * patchVoxels, patchVoxels));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new BatchLoadException(index, trainingCase.CaseId, e);
            }
        }
        return batch;
    }

    private void BuildSample(ITrainingCase trainingCase, int[] eligibleClasses, bool forceForeground, BatchRandom random,
        BatchWorkspace workspace, Span<float> image, Span<byte> label)
    {
        var augmentation = _options.Augmentation;
        var final = _options.PatchSize;
        var sampled = SampledPatchSize;
        var transform = augmentation is null ? SpatialTransform.Identity : SpatialTransform.Draw(augmentation, random);

        // As nnU-Net: a case without (eligible) foreground gets a random patch even when foreground was asked for.
        var start = forceForeground && eligibleClasses.Length > 0 && ForegroundCentre(trainingCase, eligibleClasses, random) is { } voxel
            ? PatchPlacement.Around(trainingCase.Shape, sampled, final, voxel)
            : PatchPlacement.Random(trainingCase.Shape, sampled, final, random);

        // The final patch sits in the middle of the sampled one (integer offset, so no transform means a plain crop).
        var offset = new VoxelIndex((sampled.X - final.X) / 2, (sampled.Y - final.Y) / 2, (sampled.Z - final.Z) / 2);
        if (transform.IsIdentity)
        {
            // The transform is drawn before reading, so the common case reads only the final patch.
            var finalStart = new VoxelIndex(start.X + offset.X, start.Y + offset.Y, start.Z + offset.Z);
            ReadLabelled(trainingCase, image, label, finalStart, final);
        }
        else
        {
            Transform(trainingCase, transform, start, offset, workspace, image, label);
        }

        if (augmentation is null)
            return;
        IntensityAugmentation.Apply(image, Channels, final, augmentation, random, workspace.Scratch);
        var mirrorX = random.Chance(augmentation.MirrorProbability) && augmentation.MirrorX;
        var mirrorY = random.Chance(augmentation.MirrorProbability) && augmentation.MirrorY;
        var mirrorZ = random.Chance(augmentation.MirrorProbability) && augmentation.MirrorZ;
        if (!mirrorX && !mirrorY && !mirrorZ)
            return;
        var voxels = (int)final.VoxelCount;
        for (var c = 0; c < Channels; c++)
            Mirroring.Flip(image.Slice(c * voxels, voxels), final, mirrorX, mirrorY, mirrorZ);
        Mirroring.Flip(label, final, mirrorX, mirrorY, mirrorZ);
    }

    /// <summary>Rotates/zooms: reads the block of the sampled patch the transformed final patch covers, then resamples.</summary>
    private void Transform(ITrainingCase trainingCase, SpatialTransform transform, VoxelIndex start, VoxelIndex offset,
        BatchWorkspace workspace, Span<float> image, Span<byte> label)
    {
        var final = _options.PatchSize;
        var sampled = SampledPatchSize;
        // Output voxel o reads sampled-patch position centreSampled + M·(o − centreFinal).
        double cx = (final.X - 1) / 2.0, cy = (final.Y - 1) / 2.0, cz = (final.Z - 1) / 2.0;
        double sx = cx + offset.X, sy = cy + offset.Y, sz = cz + offset.Z;
        double minX = double.MaxValue, minY = double.MaxValue, minZ = double.MaxValue;
        double maxX = double.MinValue, maxY = double.MinValue, maxZ = double.MinValue;
        for (var corner = 0; corner < 8; corner++)
        {
            var (dx, dy, dz) = transform.Apply(
                (corner & 1) == 0 ? -cx : cx, (corner & 2) == 0 ? -cy : cy, (corner & 4) == 0 ? -cz : cz);
            minX = Math.Min(minX, sx + dx);
            maxX = Math.Max(maxX, sx + dx);
            minY = Math.Min(minY, sy + dy);
            maxY = Math.Max(maxY, sy + dy);
            minZ = Math.Min(minZ, sz + dz);
            maxZ = Math.Max(maxZ, sz + dz);
        }
        // The affine image of a box lies within its corners' bounding box; interpolation needs one voxel more above.
        // Beyond the sampled patch is padding (nnU-Net never looks past it), so the block is clipped to it.
        var lo = new VoxelIndex(ClampLow(minX), ClampLow(minY), ClampLow(minZ));
        var hi = new VoxelIndex(ClampHigh(maxX, sampled.X), ClampHigh(maxY, sampled.Y), ClampHigh(maxZ, sampled.Z));
        var (origin0X, origin0Y, origin0Z) = transform.Apply(-cx, -cy, -cz);
        var origin = (sx + origin0X - lo.X, sy + origin0Y - lo.Y, sz + origin0Z - lo.Z);
        if (hi.X < lo.X || hi.Y < lo.Y || hi.Z < lo.Z)
        {
            image.Clear();
            label.Fill(_options.PadLabel);
            return;
        }
        var block = new Shape3(hi.X - lo.X + 1, hi.Y - lo.Y + 1, hi.Z - lo.Z + 1);
        var blockVoxels = (int)block.VoxelCount;
        var blockImage = workspace.SourceImage.AsSpan(0, Channels * blockVoxels);
        var blockLabel = workspace.SourceLabel.AsSpan(0, blockVoxels);
        ReadLabelled(trainingCase, blockImage, blockLabel, new VoxelIndex(start.X + lo.X, start.Y + lo.Y, start.Z + lo.Z), block);
        SpatialResampler.Resample(blockImage, blockLabel, block, Channels, image, label, final, transform, origin, _options.PadLabel);
    }

    /// <summary>Reads image and label at <paramref name="start"/>, remaps the label and pads it outside the case.</summary>
    private void ReadLabelled(ITrainingCase trainingCase, Span<float> image, Span<byte> label, VoxelIndex start, Shape3 size)
    {
        trainingCase.ReadImagePatch(image, start, size);
        trainingCase.ReadLabelPatch(label, start, size);
        _options.LabelRemapping?.Apply(label);
        if (_options.PadLabel != 0)
            PatchPadding.FillOutside(label, size, start, trainingCase.Shape, _options.PadLabel);
    }

    private static int ClampLow(double min) => (int)Math.Max(0, Math.Floor(min));

    private static int ClampHigh(double max, int size) => (int)Math.Min(size - 1, Math.Floor(max) + 1);

    /// <summary>A voxel of a uniformly chosen eligible class: from the stored locations, or found in the label map.</summary>
    private VoxelIndex? ForegroundCentre(ITrainingCase trainingCase, int[] eligibleClasses, BatchRandom random)
    {
        var chosenClass = eligibleClasses[random.NextInt(eligibleClasses.Length)];
        if (!_options.StoredForegroundLocations)
            return LabelMapCentres.Draw(trainingCase, chosenClass, random);
        var locations = trainingCase.ForegroundLocations[chosenClass];
        return locations[random.NextInt(locations.Length)];
    }

    /// <summary>
    /// Classes a forced-foreground sample may centre on: present (with stored locations when those are used), not
    /// excluded, and still foreground after remapping.
    /// </summary>
    private static int[] EligibleClasses(ITrainingCase trainingCase, BatchLoaderOptions options)
    {
        var locations = trainingCase.ForegroundLocations
            ?? throw new ArgumentException($"Case '{trainingCase.CaseId}' has no foreground location table (null).");
        var present = options.StoredForegroundLocations
            ? locations.Where(p => p.Value is { Length: > 0 }).Select(p => p.Key)
            : trainingCase.ForegroundLabels;
        var remapping = options.LabelRemapping;
        return [.. present
            .Where(l => l is > 0 and <= 255 && !options.ExcludedForegroundLabels.Contains(l) && (remapping is null || remapping[l] != 0))
            .Distinct()
            .Order()];
    }
}
