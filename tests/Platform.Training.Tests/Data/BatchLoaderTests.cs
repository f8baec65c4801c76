using Platform.Imaging.Volumes;
using Platform.Training.Augmentation;
using Platform.Training.Data;

namespace Platform.Training.Tests.Data;

public sealed class BatchLoaderTests
{
    private static readonly Shape3 Patch = new(12, 10, 8);

    [Fact]
    public void BatchesAreIdenticalForOneAndThreeWorkers()
    {
        var cases = LoaderCases.Random();
        var options = Options(workers: 1);

        var single = TakeAll(new BatchLoader(cases, options), 10);
        var three = TakeAll(new BatchLoader(cases, options with { Workers = 3, QueueCapacity = 5 }), 10);

        for (var i = 0; i < single.Count; i++)
        {
            Assert.Equal(i, three[i].Index);
            Assert.Equal(single[i].Images, three[i].Images);
            Assert.Equal(single[i].Labels, three[i].Labels);
        }
        Assert.NotEqual(single[0].Images, single[1].Images);
    }

    [Fact]
    public void StartingAtKGivesTheBatchesAnUninterruptedRunGivesFromK()
    {
        var cases = LoaderCases.Random();
        var options = Options(workers: 2);

        var uninterrupted = TakeAll(new BatchLoader(cases, options), 8);
        var resumed = TakeAll(new BatchLoader(cases, options with { StartIndex = 5 }), 3);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(5 + i, resumed[i].Index);
            Assert.Equal(uninterrupted[5 + i].Images, resumed[i].Images);
            Assert.Equal(uninterrupted[5 + i].Labels, resumed[i].Labels);
        }
    }

    [Fact]
    public void ADifferentSeedGivesDifferentBatches()
    {
        var cases = LoaderCases.Random();

        var a = TakeAll(new BatchLoader(cases, Options(workers: 1)), 1)[0];
        var b = TakeAll(new BatchLoader(cases, Options(workers: 1) with { Seed = 8 }), 1)[0];

        Assert.NotEqual(a.Images, b.Images);
    }

    [Fact]
    public void BatchesHaveTheTrainersLayout()
    {
        var cases = LoaderCases.Random(channels: 2);
        using var loader = new BatchLoader(cases, Options(workers: 1));

        var batch = loader.Take();

        Assert.Equal(new long[] { 3, 2, 8, 10, 12 }, batch.ImageShape);
        Assert.Equal(new long[] { 3, 1, 8, 10, 12 }, batch.LabelShape);
        Assert.Equal(1, loader.NextIndex);
        Assert.All(batch.Labels, l => Assert.InRange(l, (byte)0, (byte)2));
    }

    [Fact]
    public async Task DisposeStopsWorkersThatWaitOnAFullQueueAndLaterTakesFail()
    {
        var loader = new BatchLoader(LoaderCases.Random(), Options(workers: 3) with { QueueCapacity = 1 });
        loader.Take();

        var disposing = Task.Run(loader.Dispose);
        var finished = await Task.WhenAny(disposing, Task.Delay(TimeSpan.FromSeconds(60)));

        Assert.True(finished == disposing, "Dispose did not return: a worker kept running");
        Assert.Throws<ObjectDisposedException>(() => loader.Take());
    }

    [Fact]
    public void TakeCanBeCancelledWhileWaiting()
    {
        using var gate = new ManualResetEventSlim(false);
        var blocked = new InMemoryTrainingCase("blocked", new Shape3(16, 16, 16), new float[16 * 16 * 16], new byte[16 * 16 * 16]) { ReadGate = gate };
        var loader = new BatchLoader([blocked], Options(workers: 1));
        try
        {
            using var cancellation = new CancellationTokenSource();
            cancellation.CancelAfter(TimeSpan.FromMilliseconds(50));

            Assert.ThrowsAny<OperationCanceledException>(() => loader.Take(cancellation.Token));
            Assert.Equal(0, loader.NextIndex);
        }
        finally
        {
            gate.Set();
            loader.Dispose();
        }
    }

    [Fact]
    public void AWorkerErrorSurfacesOnTakeWithTheCaseId()
    {
        var broken = new InMemoryTrainingCase("case-broken", new Shape3(16, 16, 16), new float[16 * 16 * 16], new byte[16 * 16 * 16])
        {
            ReadFailure = new InvalidDataException("truncated image file"),
        };
        using var loader = new BatchLoader([broken], Options(workers: 2));

        var error = Assert.Throws<BatchLoadException>(() => loader.Take());

        Assert.Equal("case-broken", error.CaseId);
        Assert.Equal(0, error.BatchIndex);
        Assert.Contains("case-broken", error.Message);
        Assert.Contains("truncated image file", error.Message);
        Assert.IsType<InvalidDataException>(error.InnerException);
        Assert.Equal(0, loader.NextIndex);
        Assert.Throws<BatchLoadException>(() => loader.Take());
    }

    [Fact]
    public void CasesWithDifferentChannelCountsAreRejected()
    {
        var cases = new[] { LoaderCases.Random(channels: 1)[0], LoaderCases.Random(channels: 2)[1] };

        var error = Assert.Throws<ArgumentException>(() => new BatchLoader(cases, Options(workers: 1)));

        Assert.Contains("case-b", error.Message);
        Assert.Contains("channel", error.Message);
    }

    [Fact]
    public void BadOptionsNameTheOption()
    {
        var error = Assert.Throws<ArgumentException>(() => new BatchLoader(LoaderCases.Random(), Options(workers: 0)));
        Assert.Contains("workers", error.Message);

        var badAugmentation = Options(workers: 1) with { Augmentation = new AugmentationSettings { GammaProbability = 1.5 } };
        error = Assert.Throws<ArgumentException>(() => new BatchLoader(LoaderCases.Random(), badAugmentation));
        Assert.Contains(nameof(AugmentationSettings.GammaProbability), error.Message);
    }

    [Fact]
    public void SpatialAugmentationAndMirroringKeepLabelsAlignedWithTheImage()
    {
        // Channel 0 = linear f, label = (f > threshold): with intensity augmentation off, every label must agree with
        // the image up to the half-voxel of nearest-neighbour rounding (see SpatialResamplerTests), mirroring included.
        // Channel 1 is 1 inside the case: below 1 after interpolation means padding was mixed in, so f is not expected.
        var shape = new Shape3(40, 36, 30);
        const double threshold = 14;
        static double F(int x, int y, int z) => (0.2 * x) + (0.3 * y) + (0.1 * z) + 1;
        var aligned = InMemoryTrainingCase.Create("aligned", shape, 2, (c, x, y, z) => c == 0 ? (float)F(x, y, z) : 1f, (x, y, z) => (byte)(F(x, y, z) > threshold ? 1 : 0));
        var spatialOnly = new AugmentationSettings
        {
            RotationProbability = 1, ScaleProbability = 1, MirrorProbability = 0.5,
            NoiseProbability = 0, BlurProbability = 0, BrightnessProbability = 0, ContrastProbability = 0,
            LowResolutionProbability = 0, InvertedGammaProbability = 0, GammaProbability = 0,
        };
        var patch = new Shape3(16, 16, 16);
        var voxels = (int)patch.VoxelCount;
        using var loader = new BatchLoader([aligned], new BatchLoaderOptions { BatchSize = 2, PatchSize = patch, Augmentation = spatialOnly, Seed = 3, Workers = 1 });
        var tolerance = (Math.Sqrt(0.04 + 0.09 + 0.01) * Math.Sqrt(3) / 2) + 1e-3;
        int ones = 0, zeros = 0;
        for (var b = 0; b < 6; b++)
        {
            var batch = loader.Take();
            for (var s = 0; s < batch.BatchSize; s++)
            {
                for (var i = 0; i < voxels; i++)
                {
                    var image = batch.Images[(2 * s * voxels) + i];
                    var inside = batch.Images[(((2 * s) + 1) * voxels) + i];
                    if (inside < 0.9999f)
                        continue;
                    if (batch.Labels[(s * voxels) + i] == 1)
                    {
                        ones++;
                        Assert.True(image >= threshold - tolerance, $"batch {b} sample {s} voxel {i}: label 1, image {image}");
                    }
                    else
                    {
                        zeros++;
                        Assert.True(image <= threshold + tolerance, $"batch {b} sample {s} voxel {i}: label 0, image {image}");
                    }
                }
            }
        }
        Assert.True(ones > 1000 && zeros > 1000, $"too few voxels checked ({ones} foreground, {zeros} background)");
    }

    [Fact]
    public void PadLabelFillsEverythingOutsideTheCase()
    {
        // A 6³ case in 10³ patches: nnU-Net pads the case to fit, so every patch sticks out on every axis.
        var shape = new Shape3(6, 6, 6);
        var small = InMemoryTrainingCase.Create("small", shape, 1, (_, x, y, z) => 1f, (x, y, z) => (byte)(1 + ((x + y + z) % 2)));
        var patch = new Shape3(10, 10, 10);
        using var loader = new BatchLoader([small], new BatchLoaderOptions { BatchSize = 2, PatchSize = patch, PadLabel = 255, Workers = 1 });

        var batch = loader.Take();

        for (var i = 0; i < batch.Labels.Length; i++)
        {
            // Image is 1 inside the case and 0 outside, so it tells which voxels the label must pad.
            Assert.Equal(batch.Images[i] == 1f, batch.Labels[i] != 255);
        }
        Assert.Contains((byte)255, batch.Labels);
        Assert.Contains((byte)1, batch.Labels);
    }

    [Fact]
    public void WithoutAugmentationPatchesAreExactCopiesOfTheCase()
    {
        // Image encodes the voxel position, so each patch must be a contiguous block of the case with its own label.
        var shape = new Shape3(20, 18, 16);
        var encoded = InMemoryTrainingCase.Create("encoded", shape, 1, (_, x, y, z) => x + (100 * y) + (10_000 * z) + 1, (x, y, z) => (byte)((x + y + z) % 4));
        using var loader = new BatchLoader([encoded], new BatchLoaderOptions { BatchSize = 3, PatchSize = Patch, Workers = 1 });

        for (var b = 0; b < 5; b++)
        {
            var batch = loader.Take();
            for (var s = 0; s < 3; s++)
            {
                var first = (int)batch.Images[s * (int)Patch.VoxelCount] - 1;
                var start = new VoxelIndex(first % 100, first / 100 % 100, first / 10_000);
                for (int z = 0, i = s * (int)Patch.VoxelCount; z < Patch.Z; z++)
                    for (var y = 0; y < Patch.Y; y++)
                        for (var x = 0; x < Patch.X; x++, i++)
                        {
                            int cx = start.X + x, cy = start.Y + y, cz = start.Z + z;
                            // A patch centred on foreground near the far border sticks out (as in nnU-Net): padding there.
                            var inCase = cx < shape.X && cy < shape.Y && cz < shape.Z;
                            Assert.Equal(inCase ? cx + (100 * cy) + (10_000 * cz) + 1 : 0, batch.Images[i]);
                            Assert.Equal(inCase ? (cx + cy + cz) % 4 : 0, batch.Labels[i]);
                        }
            }
        }
    }

    private static BatchLoaderOptions Options(int workers) => new()
    {
        BatchSize = 3,
        PatchSize = Patch,
        Seed = 7,
        Workers = workers,
        QueueCapacity = 3,
        Augmentation = LoaderCases.Heavy(Patch),
    };

    private static List<TrainingBatch> TakeAll(BatchLoader loader, int count)
    {
        using (loader)
            return [.. Enumerable.Range(0, count).Select(_ => loader.Take())];
    }
}
