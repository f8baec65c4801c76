using Platform.Imaging.Volumes;
using Platform.Preprocessing.Cases;

namespace Platform.Preprocessing.Tests.Cases;

/// <summary>Allocation counting needs the process to itself: no other test may allocate meanwhile.</summary>
[CollectionDefinition(nameof(AllocationMeasurement), DisableParallelization = true)]
public sealed class AllocationMeasurement;

/// <summary>
/// A deterministic stand-in for peak memory: the bytes the pipeline allocates (all threads) for an int16 CT-like
/// case that needs reorienting and resampling. The old pipeline (float conversion, float reorientation, float crop
/// copy, a float copy inside the resampler and a new array per pass) allocated about 12× the input; cropping and
/// reorienting in int16 and resampling plane by plane into the output keeps it near input + output.
/// </summary>
[Collection(nameof(AllocationMeasurement))]
public sealed class CaseMemoryTests
{
    [Fact]
    public void An_int16_case_allocates_a_small_multiple_of_its_input()
    {
        // LPS, so RAS needs two flips (one reoriented copy); 1 mm → 1.25 × 1.25 × 1.5 mm.
        var geometry = new VolumeGeometry(new Shape3(128, 128, 96), Vector3D.One, Vector3D.Zero, Matrix3.Identity);
        var image = new Volume<short>(geometry);
        for (var i = 0; i < image.Data.Length; i++)
            image.Data[i] = (short)((i % 1000) + 1);
        var label = new Volume<byte>(geometry);
        label.Data.AsSpan(0, 100_000).Fill(1);
        var settings = new CasePreprocessingSettings
        {
            TargetSpacing = new Vector3D(1.25, 1.25, 1.5),
            Normalization = [ChannelNormalization.Ct(1, 900, 500, 250)],
        };
        CasePreprocessor.Run([image], label, settings); // JIT and thread-pool warm-up

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var result = CasePreprocessor.Run([image], label, settings);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        var input = (image.Data.Length * 2L) + label.Data.Length;
        var output = result.Channels[0].Data.Length * 5L;
        Assert.Equal(new Shape3(102, 102, 64), result.Channels[0].Shape);
        // Budget: the native label copy (1 B/voxel) + one int16 reoriented copy + the outputs + plane buffers.
        Assert.True(allocated < (4 * input) + output, $"allocated {allocated:N0} bytes for {input:N0} input bytes ({(double)allocated / input:0.0}×)");
    }
}
