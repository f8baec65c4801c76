using Platform.Imaging.Volumes;
using Platform.Training.Augmentation;

namespace Platform.Training.Tests.Augmentation;

public sealed class SpatialResamplerTests
{
    private static readonly Shape3 Source = new(12, 10, 8);

    [Fact]
    public void ZeroRotationAndUnitScaleIsTheIdentity()
    {
        var transform = SpatialTransform.Create(0, 0, 0, 1, inPlaneOnly: false);

        Assert.True(transform.IsIdentity);
    }

    [Fact]
    public void IdentityWithIntegerOriginCopiesTheBlockExactly()
    {
        var (image, label) = RandomSource(Source, channels: 2, seed: 1);
        var patch = new Shape3(6, 5, 4);
        var output = new float[2 * patch.VoxelCount];
        var outputLabel = new byte[patch.VoxelCount];

        SpatialResampler.Resample(image, label, Source, 2, output, outputLabel, patch, SpatialTransform.Identity, (3, 2, 1), padLabel: 0);

        for (var c = 0; c < 2; c++)
            for (var z = 0; z < patch.Z; z++)
                for (var y = 0; y < patch.Y; y++)
                    for (var x = 0; x < patch.X; x++)
                    {
                        var o = x + (patch.X * (y + (patch.Y * z)));
                        var s = x + 3 + (Source.X * (y + 2 + (Source.Y * (z + 1))));
                        Assert.Equal(image[(c * (int)Source.VoxelCount) + s], output[(c * (int)patch.VoxelCount) + o]);
                        if (c == 0)
                            Assert.Equal(label[s], outputLabel[o]);
                    }
    }

    [Fact]
    public void QuarterTurnAboutZPermutesVoxels()
    {
        // A square x–y block turned by 90° about its centre: output (x, y) reads source (c − (y − c), c + (x − c)).
        var size = new Shape3(7, 7, 3);
        var (image, label) = RandomSource(size, channels: 1, seed: 2);
        var output = new float[size.VoxelCount];
        var outputLabel = new byte[size.VoxelCount];
        var transform = SpatialTransform.Create(0, 0, Math.PI / 2, 1, inPlaneOnly: false);
        var centre = 3.0;
        var (ox, oy, oz) = transform.Apply(-centre, -centre, -1);

        SpatialResampler.Resample(image, label, size, 1, output, outputLabel, size, transform, (centre + ox, centre + oy, 1 + oz), padLabel: 0);

        for (var z = 0; z < size.Z; z++)
            for (var y = 0; y < size.Y; y++)
                for (var x = 0; x < size.X; x++)
                {
                    int sx = 6 - y, sy = x;
                    var o = x + (7 * (y + (7 * z)));
                    var s = sx + (7 * (sy + (7 * z)));
                    Assert.Equal(image[s], output[o], 4);
                    Assert.Equal(label[s], outputLabel[o]);
                }
    }

    [Fact]
    public void LinearImageIsReproducedAtTheTransformedPositions()
    {
        // Trilinear interpolation is exact on linear functions, so every inside voxel must equal f(source position).
        static double F(double x, double y, double z) => (0.5 * x) - (0.25 * y) + (0.75 * z) + 3;
        var size = new Shape3(24, 22, 20);
        var image = new float[size.VoxelCount];
        var label = new byte[size.VoxelCount];
        for (int z = 0, i = 0; z < size.Z; z++)
            for (var y = 0; y < size.Y; y++)
                for (var x = 0; x < size.X; x++, i++)
                    image[i] = (float)F(x, y, z);
        var patch = new Shape3(10, 9, 8);
        var transform = SpatialTransform.Create(0.3, -0.4, 0.5, 1.2, inPlaneOnly: false);
        var origin = (6.5, 6.0, 5.5);
        var output = new float[patch.VoxelCount];

        SpatialResampler.Resample(image, label, size, 1, output, new byte[patch.VoxelCount], patch, transform, origin, padLabel: 0);

        var checkedVoxels = 0;
        for (int z = 0, o = 0; z < patch.Z; z++)
            for (var y = 0; y < patch.Y; y++)
                for (var x = 0; x < patch.X; x++, o++)
                {
                    var (dx, dy, dz) = transform.Apply(x, y, z);
                    double sx = origin.Item1 + dx, sy = origin.Item2 + dy, sz = origin.Item3 + dz;
                    if (sx < 0 || sy < 0 || sz < 0 || sx > size.X - 1 || sy > size.Y - 1 || sz > size.Z - 1)
                        continue;
                    Assert.Equal(F(sx, sy, sz), output[o], 3);
                    checkedVoxels++;
                }
        Assert.True(checkedVoxels > patch.VoxelCount / 2, $"only {checkedVoxels} voxels fell inside the source");
    }

    [Fact]
    public void LabelStaysAlignedWithImageUnderRotationAndZoom()
    {
        // Label = (f > threshold), image = f. Nearest-neighbour labels are at most half a voxel per axis from the
        // interpolated position, so each label must agree with the image up to |∇f|·√3/2 (times the zoom).
        var size = new Shape3(30, 28, 26);
        var gradient = (X: 0.3, Y: 0.2, Z: -0.4);
        double F(int x, int y, int z) => (gradient.X * x) + (gradient.Y * y) + (gradient.Z * z) + 10;
        const double threshold = 12;
        var image = new float[size.VoxelCount];
        var label = new byte[size.VoxelCount];
        for (int z = 0, i = 0; z < size.Z; z++)
            for (var y = 0; y < size.Y; y++)
                for (var x = 0; x < size.X; x++, i++)
                {
                    image[i] = (float)F(x, y, z);
                    label[i] = (byte)(F(x, y, z) > threshold ? 1 : 0);
                }
        var patch = new Shape3(16, 16, 16);
        foreach (var (ax, ay, az, scale) in new[] { (0.5, 0.2, -0.3, 1.3), (-0.52, 0.4, 0.1, 0.7), (0.0, 0.0, 2.5, 1.0) })
        {
            var transform = SpatialTransform.Create(ax, ay, az, scale, inPlaneOnly: false);
            var (ox, oy, oz) = transform.Apply(-7.5, -7.5, -7.5);
            var output = new float[patch.VoxelCount];
            var outputLabel = new byte[patch.VoxelCount];
            SpatialResampler.Resample(image, label, size, 1, output, outputLabel, patch, transform, (14.5 + ox, 13.5 + oy, 12.5 + oz), padLabel: 0);

            var tolerance = (Math.Sqrt((gradient.X * gradient.X) + (gradient.Y * gradient.Y) + (gradient.Z * gradient.Z)) * Math.Sqrt(3) / 2) + 1e-3;
            int ones = 0, zeros = 0;
            for (var i = 0; i < output.Length; i++)
            {
                // Near the source's border the interpolation mixes in padding; compare only where all neighbours exist.
                var (dx, dy, dz) = transform.Apply(i % 16, i / 16 % 16, i / 256);
                double sx = 14.5 + ox + dx, sy = 13.5 + oy + dy, sz = 12.5 + oz + dz;
                if (sx < 0 || sy < 0 || sz < 0 || sx > size.X - 1 || sy > size.Y - 1 || sz > size.Z - 1)
                    continue;
                if (outputLabel[i] == 1)
                {
                    Assert.True(output[i] >= threshold - tolerance, $"voxel {i}: label 1 but image {output[i]}");
                    ones++;
                }
                else
                {
                    Assert.True(output[i] <= threshold + tolerance, $"voxel {i}: label 0 but image {output[i]}");
                    zeros++;
                }
            }
            Assert.True(ones > 100 && zeros > 100, $"the boundary should cross the patch ({ones} ones, {zeros} zeros)");
        }
    }

    [Fact]
    public void A_small_labelled_structure_is_resampled_as_its_interpolated_one_hot_mask_as_nnUNet_does()
    {
        // A 3 × 3 × 2 "lesion" (label 2) beside a slab of label 1. Each output label must be the label whose one-hot
        // mask, trilinearly interpolated at the output's source position, is largest (nnU-Net's mode_seg 'bilinear').
        var size = new Shape3(14, 14, 12);
        byte LabelAt(int x, int y, int z) => x is >= 6 and <= 8 && y is >= 5 and <= 7 && z is 5 or 6 ? (byte)2 : z < 3 ? (byte)1 : (byte)0;
        var image = new float[size.VoxelCount];
        var label = new byte[size.VoxelCount];
        for (int z = 0, i = 0; z < size.Z; z++)
            for (var y = 0; y < size.Y; y++)
                for (var x = 0; x < size.X; x++, i++)
                    label[i] = LabelAt(x, y, z);
        var patch = new Shape3(10, 10, 10);
        var transform = SpatialTransform.Create(0.3, -0.2, 0.45, 1.27, inPlaneOnly: false);
        var (ox, oy, oz) = transform.Apply(-4.5, -4.5, -4.5);
        var origin = (7.1 + ox, 6.3 + oy, 5.6 + oz);
        var output = new float[patch.VoxelCount];
        var outputLabel = new byte[patch.VoxelCount];

        SpatialResampler.Resample(image, label, size, 1, output, outputLabel, patch, transform, origin, padLabel: 0);

        var lesionVoxels = 0;
        for (var i = 0; i < outputLabel.Length; i++)
        {
            var (dx, dy, dz) = transform.Apply(i % 10, i / 10 % 10, i / 100);
            var (sx, sy, sz) = (origin.Item1 + dx, origin.Item2 + dy, origin.Item3 + dz);
            var weights = new double[3];
            for (var corner = 0; corner < 8; corner++)
            {
                int cx = (int)Math.Floor(sx) + (corner & 1), cy = (int)Math.Floor(sy) + ((corner >> 1) & 1), cz = (int)Math.Floor(sz) + (corner >> 2);
                var w = (1 - Math.Abs(sx - cx)) * (1 - Math.Abs(sy - cy)) * (1 - Math.Abs(sz - cz));
                var inside = cx >= 0 && cy >= 0 && cz >= 0 && cx < size.X && cy < size.Y && cz < size.Z;
                weights[inside ? LabelAt(cx, cy, cz) : 0] += w;
            }
            var expected = weights[2] > Math.Max(weights[0], weights[1]) ? 2 : weights[1] > weights[0] ? 1 : 0;
            if (Math.Abs(weights.Max() - weights.OrderDescending().ElementAt(1)) < 1e-4)
                continue; // a near-tie: float and double may round it either way
            Assert.True(expected == outputLabel[i], $"voxel {i} at ({sx:F2}, {sy:F2}, {sz:F2}): weights {string.Join("/", weights.Select(w => w.ToString("F3")))}, label {outputLabel[i]}");
            lesionVoxels += expected == 2 ? 1 : 0;
        }
        // The output reads the source 1.27 voxels apart, so the 18-voxel lesion covers about 18 / 1.27³ ≈ 9 output
        // voxels; it must neither vanish nor swell.
        Assert.InRange(lesionVoxels, 5, 14);
    }

    [Fact]
    public void Equal_weights_go_to_the_lowest_label()
    {
        // Halfway between a voxel of label 3 and one of label 1 along x: weights 0.5 / 0.5, so label 1.
        var size = new Shape3(2, 1, 1);
        var outputLabel = new byte[1];
        SpatialResampler.Resample(new float[2], new byte[] { 3, 1 }, size, 1, new float[1], outputLabel, new Shape3(1, 1, 1),
            SpatialTransform.Identity, (0.5, 0, 0), padLabel: 0);
        Assert.Equal(1, outputLabel[0]);
    }

    [Fact]
    public void PositionsOutsideTheSourceArePadding()
    {
        var (image, label) = RandomSource(Source, channels: 1, seed: 3);
        var patch = new Shape3(4, 4, 4);
        var output = new float[patch.VoxelCount];
        output.AsSpan().Fill(99);
        var outputLabel = new byte[patch.VoxelCount];

        SpatialResampler.Resample(image, label, Source, 1, output, outputLabel, patch, SpatialTransform.Create(0.1, 0, 0, 1, false), (100, 100, 100), padLabel: 7);

        Assert.All(output, v => Assert.Equal(0f, v));
        Assert.All(outputLabel, v => Assert.Equal(7, v));
    }

    private static (float[] Image, byte[] Label) RandomSource(Shape3 size, int channels, int seed)
    {
        var random = new Random(seed);
        var image = new float[channels * size.VoxelCount];
        var label = new byte[size.VoxelCount];
        for (var i = 0; i < image.Length; i++)
            image[i] = (float)random.NextDouble();
        for (var i = 0; i < label.Length; i++)
            label[i] = (byte)random.Next(4);
        return (image, label);
    }
}
