using Platform.Imaging.Geometry;
using Platform.Imaging.Resampling;
using Platform.Imaging.Volumes;
using Platform.Preprocessing.Cases;

namespace Platform.Preprocessing.Tests.Cases;

public sealed class CaseRoundTripTests
{
    public static TheoryData<string> Directions => ["LPS", "RAS", "LAS", "SLP", "Oblique"];

    /// <summary>Target spacing equal to the (reoriented) original spacing: the pipeline is reorient + crop only.</summary>
    private static Vector3D SameSpacing(VolumeGeometry geometry) =>
        Reorientation.ApplyToGeometry(geometry, Reorientation.Plan(geometry, "RAS")).Spacing;

    [Theory]
    [MemberData(nameof(Directions))]
    public void Reorient_and_crop_then_back_gives_the_original_labels_exactly(string direction)
    {
        var geometry = CaseBuilder.Geometry(direction);
        var label = CaseBuilder.Label(geometry);
        var result = CasePreprocessor.Run([CaseBuilder.Image(geometry)], label, CaseBuilder.Settings(SameSpacing(geometry)));

        Assert.Equal("RAS", Orientation.CodeOf(result.Channels[0].Geometry));
        Assert.True(result.Metadata.Final.ToVolumeGeometry().Shape.VoxelCount < geometry.Shape.VoxelCount); // the crop did something
        var back = CaseInverter.ToOriginal(result.Label!, result.Metadata);
        Assert.Equal(geometry, back.Geometry);
        var wrong = Enumerable.Range(0, label.Data.Length).Where(i => label.Data[i] != back.Data[i]).ToArray();
        Assert.True(wrong.Length == 0, $"{wrong.Length} differ, first {string.Join(",", wrong.Take(5))} labels {string.Join(",", wrong.Take(5).Select(i => $"{label.Data[i]}/{back.Data[i]}"))}");

        // Probability maps come back exactly too (linear on coincident grids copies).
        var probability = result.Label!.ConvertTo<float>();
        var probabilityBack = CaseInverter.ToOriginal(probability, result.Metadata);
        Assert.Equal(label.ConvertTo<float>().Data, probabilityBack.Data);
    }

    [Theory]
    [MemberData(nameof(Directions))]
    public void Every_preprocessed_voxel_sits_at_the_world_position_of_the_original_voxel_it_came_from(string direction)
    {
        var geometry = CaseBuilder.Geometry(direction);
        var image = CaseBuilder.Image(geometry);
        var result = CasePreprocessor.Run([image], CaseBuilder.Label(geometry), CaseBuilder.Settings(SameSpacing(geometry)));
        var channel = result.Channels[0];
        var final = channel.Geometry;
        Assert.True(final.IsSameSpace(result.Metadata.Final.ToVolumeGeometry()));

        for (var z = 0; z < final.Shape.Z; z++)
            for (var y = 0; y < final.Shape.Y; y++)
                for (var x = 0; x < final.Shape.X; x++)
                {
                    var index = geometry.WorldToIndex(final.IndexToWorld(x, y, z));
                    var (i, j, k) = ((int)Math.Round(index.X), (int)Math.Round(index.Y), (int)Math.Round(index.Z));
                    Assert.True(index.MaxAbsDifference(new Vector3D(i, j, k)) < 1e-6, $"voxel ({x},{y},{z}) maps to {index}");
                    // Image values are 1 + original flat index, so this checks the voxel really came from there.
                    Assert.Equal(image[i, j, k], channel[x, y, z]);
                }
    }

    /// <summary>
    /// Tolerance when resampled (0.8×1.0×3.0 mm → 1.2×1.2×2.0 mm and back, both ways nearest or one-hot):
    /// Dice ≥ 0.90 for every label; the 4×4×3-voxel box label is the hardest.
    /// </summary>
    [Theory]
    [InlineData("LPS", LabelInterpolation.Nearest)]
    [InlineData("RAS", LabelInterpolation.OneHotLinear)]
    [InlineData("LAS", LabelInterpolation.Nearest)]
    [InlineData("SLP", LabelInterpolation.OneHotLinear)]
    [InlineData("Oblique", LabelInterpolation.Nearest)]
    [InlineData("Oblique", LabelInterpolation.OneHotLinear)]
    public void Resampled_round_trip_keeps_every_label_within_tolerance(string direction, LabelInterpolation mode)
    {
        var geometry = CaseBuilder.Geometry(direction);
        var label = CaseBuilder.Label(geometry);
        var settings = CaseBuilder.Settings(new Vector3D(1.2, 1.2, 2.0)) with { LabelInterpolation = mode };
        var result = CasePreprocessor.Run([CaseBuilder.Image(geometry)], label, settings);

        Assert.Equal(new Vector3D(1.2, 1.2, 2.0), result.Channels[0].Geometry.Spacing);
        var back = CaseInverter.ToOriginal(result.Label!, result.Metadata, mode);
        Assert.Equal(geometry, back.Geometry);
        for (byte l = 1; l <= 3; l++)
            Assert.True(CaseBuilder.Dice(label, back, l) >= 0.90, $"label {l}: Dice {CaseBuilder.Dice(label, back, l):F3}");
    }

    [Fact]
    public void Metadata_round_trips_through_json()
    {
        var geometry = CaseBuilder.Geometry("Oblique");
        var settings = CaseBuilder.Settings(new Vector3D(1.2, 1.2, 2.0)) with
        {
            Remapping = new LabelRemap(new Dictionary<int, int> { [1] = 2, [3] = 0 }, 7),
            Normalization = [ChannelNormalization.Ct(-100, 300, 50, 80)],
        };
        var metadata = CasePreprocessor.Run([CaseBuilder.Image(geometry)], CaseBuilder.Label(geometry), settings).Metadata;

        var json = CaseMetadataJson.Serialize(metadata);
        var copy = CaseMetadataJson.Deserialize(json);

        Assert.Equal(json, CaseMetadataJson.Serialize(copy));
        Assert.Equal(geometry, copy.Original.ToVolumeGeometry());
        Assert.Equal(metadata.Final.ToVolumeGeometry(), copy.Final.ToVolumeGeometry());
        Assert.Equal(metadata.CropBox.ToBox3(), copy.CropBox.ToBox3());
        Assert.Equal(metadata.Reorientation.Source, copy.Reorientation.Source);
        Assert.Equal(metadata.Reorientation.Flip, copy.Reorientation.Flip);
        Assert.Equal(7, copy.Remapping!.UnmappedTo);
        Assert.Equal(2, copy.Remapping.Map[1]);
        Assert.Equal(metadata.Normalization, copy.Normalization);
        Assert.Equal(CaseMode.Source, copy.Mode);
        Assert.Contains("\"ctClipZScore\"", json, StringComparison.OrdinalIgnoreCase);
    }
}
