using Platform.Imaging.Volumes;

namespace Platform.Training.Data;

/// <summary>
/// The input of case-level tasks (classification, regression, masked-image-modelling pretraining): the whole case
/// brought to one fixed size, the plan's patch size, by cropping around its centre or padding it with zeros
/// (the value outside a case, as <see cref="ITrainingCase.ReadImagePatch"/> reads it). Cropping, not resampling:
/// the preprocessing already brought every case to the plan's spacing, so voxel sizes stay equal across cases and a
/// voxel count stays a volume; a plan whose patch covers its cases loses nothing.
/// </summary>
public static class WholeCaseInput
{
    /// <summary>Where the centred patch starts in the case (negative where the case is smaller: padded).</summary>
    public static VoxelIndex CentredStart(Shape3 caseShape, Shape3 patch) =>
        new((caseShape.X - patch.X) / 2, (caseShape.Y - patch.Y) / 2, (caseShape.Z - patch.Z) / 2);

    /// <summary>Reads every channel of <paramref name="trainingCase"/>, centred in <paramref name="patch"/>, into
    /// <paramref name="destination"/> (channel-major, then z, y, x).</summary>
    /// <exception cref="ArgumentException">The destination is not channels × patch voxels long.</exception>
    public static void Read(ITrainingCase trainingCase, Shape3 patch, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(trainingCase);
        long expected = trainingCase.Channels * patch.VoxelCount;
        if (destination.Length != expected)
            throw new ArgumentException(
                $"Case '{trainingCase.CaseId}': {trainingCase.Channels} channel(s) of {patch} need {expected} values; the destination holds {destination.Length}.",
                nameof(destination));
        trainingCase.ReadImagePatch(destination, CentredStart(trainingCase.Shape, patch), patch);
    }

    /// <summary>The whole-case inputs of <paramref name="cases"/> at <paramref name="indices"/>, as one batch
    /// [B, C, Z, Y, X] (flat); every case must have <paramref name="channels"/> channels.</summary>
    /// <exception cref="ArgumentException">A case with another number of channels, named.</exception>
    public static float[] Batch(IReadOnlyList<ITrainingCase> cases, IReadOnlyList<int> indices, int channels, Shape3 patch)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(indices);
        int perCase = checked(channels * (int)patch.VoxelCount);
        var batch = new float[checked(indices.Count * perCase)];
        for (int b = 0; b < indices.Count; b++)
        {
            var trainingCase = cases[indices[b]];
            if (trainingCase.Channels != channels)
                throw new ArgumentException($"Case '{trainingCase.CaseId}' has {trainingCase.Channels} channel(s); the network takes {channels}.", nameof(cases));
            Read(trainingCase, patch, batch.AsSpan(b * perCase, perCase));
        }

        return batch;
    }
}
