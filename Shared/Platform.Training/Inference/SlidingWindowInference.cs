using Platform.Imaging.Volumes;
using static TorchSharp.torch;

namespace Platform.Training.Inference;

/// <summary>
/// nnU-Net's sliding-window prediction of a whole (preprocessed) image with a network trained on patches.
/// The image is padded with 0 to at least the patch, covered by tiles (<see cref="SlidingWindowSteps"/>), each
/// tile's output (optionally averaged over mirrored passes) is multiplied by the Gaussian importance map and
/// added into a [K, Z, Y, X] accumulator, and the accumulator is divided by the summed weights.
/// <para>The network is any <c>Func&lt;Tensor, Tensor&gt;</c> from [B, C, Z, Y, X] float to logits [B, K, Z, Y, X];
/// a TorchSharp <c>Module&lt;Tensor, Tensor&gt;</c> fits as <c>module.call</c> (see <see cref="InferenceNetworks"/>).</para>
/// <para>Memory: the padded input (C × voxels) and the accumulator (K × voxels, plus one weight map) live on
/// <see cref="SlidingWindowSettings.AccumulationDevice"/>; the result is copied to K host arrays.</para>
/// </summary>
public static class SlidingWindowInference
{
    /// <summary>Predicts one image given as channels on a common grid (a <c>PreprocessedCase</c>'s channels).</summary>
    public static ClassMaps Predict(IReadOnlyList<Volume<float>> channels, Func<Tensor, Tensor> network, SlidingWindowSettings settings)
    {
        ArgumentNullException.ThrowIfNull(channels);
        if (channels.Count == 0)
            throw new ArgumentException("Sliding-window inference needs at least one channel.", nameof(channels));
        var shape = channels[0].Shape;
        var voxels = (int)shape.VoxelCount;
        var image = new float[checked(channels.Count * voxels)];
        for (var c = 0; c < channels.Count; c++)
        {
            if (channels[c].Shape != shape)
                throw new ArgumentException($"Channel {c} has shape {channels[c].Shape}, channel 0 has {shape}.", nameof(channels));
            Array.Copy(channels[c].Data, 0, image, c * voxels, voxels);
        }

        return Predict(image, channels.Count, shape, network, settings);
    }

    /// <summary>Predicts one image given as [C, Z, Y, X] floats (x fastest).</summary>
    public static ClassMaps Predict(float[] image, int channelCount, Shape3 shape, Func<Tensor, Tensor> network, SlidingWindowSettings settings)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(channelCount, 1);
        if (shape.IsEmpty)
            throw new ArgumentException($"Image shape {shape} must be positive along every axis.", nameof(shape));
        if (image.LongLength != channelCount * shape.VoxelCount)
            throw new ArgumentException($"{image.LongLength} values given for {channelCount} channels of shape {shape}.", nameof(image));

        var device = settings.Device ?? CPU;
        var accumulationDevice = settings.AccumulationDevice ?? device;
        var patch = settings.PatchSize;
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();

        // Pad to at least the patch, split evenly before and after (nnU-Net), with 0 = the normalised mean.
        var padded = new Shape3(Math.Max(shape.X, patch.X), Math.Max(shape.Y, patch.Y), Math.Max(shape.Z, patch.Z));
        var (lowX, lowY, lowZ) = ((padded.X - shape.X) / 2, (padded.Y - shape.Y) / 2, (padded.Z - shape.Z) / 2);
        var input = tensor(image, [channelCount, shape.Z, shape.Y, shape.X]).to(accumulationDevice);
        if (padded != shape)
            input = nn.functional.pad(input, [lowX, padded.X - shape.X - lowX, lowY, padded.Y - shape.Y - lowY, lowZ, padded.Z - shape.Z - lowZ]);

        var weights = settings.GaussianWeighting
            ? tensor(GaussianImportanceMap.Create(patch, settings.SigmaFraction), [patch.Z, patch.Y, patch.X]).to(accumulationDevice)
            : ones(patch.Z, patch.Y, patch.X, device: accumulationDevice);
        var tiles = Tiles(padded, settings);
        var mirrors = MirrorCombinations.TensorDimensions(settings.MirrorAxes);
        Tensor? sum = null;
        var weightSum = zeros(padded.Z, padded.Y, padded.X, device: accumulationDevice);

        for (var first = 0; first < tiles.Count; first += settings.TileBatchSize)
        {
            using var batchScope = NewDisposeScope();
            var batch = tiles.Skip(first).Take(settings.TileBatchSize).ToArray();
            var inputs = stack(batch.Select(t => Tile(input, t, patch)).ToArray()).to(device);
            var outputs = Evaluate(inputs, network, mirrors, settings.Accumulation, patch).to(accumulationDevice);
            if (sum is null)
                sum = zeros(outputs.shape[1], padded.Z, padded.Y, padded.X, device: accumulationDevice).MoveToOuterDisposeScope();
            for (var b = 0; b < batch.Length; b++)
            {
                Tile(sum, batch[b], patch).add_(outputs[b] * weights);
                Tile(weightSum, batch[b], patch).add_(weights);
            }
        }

        // Every voxel lies in at least one tile and every weight is positive, so the division is safe. In place, and
        // one class at a time to the host: a CT of 512 x 512 x 300 has 79 M voxels, so every extra K x voxels copy
        // would cost gigabytes.
        sum!.div_(weightSum);
        weightSum.Dispose();
        var classCount = (int)sum.shape[0];
        var maps = new float[classCount][];
        for (var k = 0; k < classCount; k++)
        {
            using var classScope = NewDisposeScope();
            var cropped = sum[k].narrow(0, lowZ, shape.Z).narrow(1, lowY, shape.Y).narrow(2, lowX, shape.X).cpu().contiguous();
            maps[k] = new float[shape.VoxelCount];
            cropped.data<float>().CopyTo(maps[k], 0);
        }

        var kind = settings.Accumulation == WindowAccumulation.Logits ? ClassMapKind.Logits : ClassMapKind.Probabilities;
        return new ClassMaps(shape, maps, kind);
    }

    private static List<(int X, int Y, int Z)> Tiles(Shape3 padded, SlidingWindowSettings settings)
    {
        var xs = SlidingWindowSteps.Starts(padded.X, settings.PatchSize.X, settings.StepFraction);
        var ys = SlidingWindowSteps.Starts(padded.Y, settings.PatchSize.Y, settings.StepFraction);
        var zs = SlidingWindowSteps.Starts(padded.Z, settings.PatchSize.Z, settings.StepFraction);
        var tiles = new List<(int X, int Y, int Z)>(xs.Length * ys.Length * zs.Length);
        foreach (var z in zs)
            foreach (var y in ys)
                foreach (var x in xs)
                    tiles.Add((x, y, z));
        return tiles;
    }

    /// <summary>A view of the tile in the last three dimensions of a [..., Z, Y, X] tensor; writes go through.</summary>
    private static Tensor Tile(Tensor volume, (int X, int Y, int Z) start, Shape3 patch)
    {
        var d = volume.dim();
        return volume.narrow(d - 3, start.Z, patch.Z).narrow(d - 2, start.Y, patch.Y).narrow(d - 1, start.X, patch.X);
    }

    /// <summary>The network's output for a batch, averaged over the unmirrored and every mirrored pass.</summary>
    private static Tensor Evaluate(Tensor inputs, Func<Tensor, Tensor> network, IReadOnlyList<long[]> mirrors, WindowAccumulation accumulation, Shape3 patch)
    {
        var total = Pass(inputs, network, null, accumulation, patch);
        foreach (var dims in mirrors)
        {
            using var pass = Pass(inputs, network, dims, accumulation, patch);
            total.add_(pass);
        }

        return mirrors.Count == 0 ? total : total.div_(mirrors.Count + 1);
    }

    /// <remarks>
    /// Each pass frees what the network made on its way before the next pass starts: kept until the end of the tile
    /// batch, eight mirrored passes' activations held 15 GB for a 512 × 512 × 300 CT with 128³ tiles.
    /// </remarks>
    private static Tensor Pass(Tensor inputs, Func<Tensor, Tensor> network, long[]? flipDims, WindowAccumulation accumulation, Shape3 patch)
    {
        using var scope = NewDisposeScope();
        var output = network(flipDims is null ? inputs : inputs.flip(flipDims));
        CheckOutput(output, inputs, patch);
        if (accumulation == WindowAccumulation.Probabilities)
            output = output.softmax(1);
        // Flipping back puts every output voxel where its input voxel was. A network may hand back its input (an
        // identity does): the passes are summed in place, so never into that.
        var result = flipDims is not null ? output.flip(flipDims) : ReferenceEquals(output, inputs) ? output.clone() : output;
        return result.MoveToOuterDisposeScope();
    }

    private static void CheckOutput(Tensor output, Tensor inputs, Shape3 patch)
    {
        var s = output.shape;
        if (s.Length != 5 || s[0] != inputs.shape[0] || s[1] < 1 || s[2] != patch.Z || s[3] != patch.Y || s[4] != patch.X)
            throw new InvalidOperationException(
                $"The network returned shape [{string.Join(", ", s)}] for input [{string.Join(", ", inputs.shape)}]; " +
                $"expected logits [{inputs.shape[0]}, K, {patch.Z}, {patch.Y}, {patch.X}].");
        if (output.dtype != ScalarType.Float32)
            throw new InvalidOperationException($"The network returned {output.dtype}; expected float32 logits.");
    }
}
