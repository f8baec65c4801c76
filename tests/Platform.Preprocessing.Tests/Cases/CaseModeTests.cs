using Platform.Imaging.Geometry;
using Platform.Imaging.Volumes;
using Platform.Preprocessing.Cases;

namespace Platform.Preprocessing.Tests.Cases;

public sealed class CaseModeTests
{
    [Fact]
    public void Source_mode_crops_to_the_nonzero_block_in_reoriented_indices()
    {
        // LPS input: RAS flips x (30 voxels) and y (26): [3,27) → [30−27, 30−3) = [3,27), [2,24) → [2,24).
        var geometry = CaseBuilder.Geometry("LPS");
        var result = CasePreprocessor.Run([CaseBuilder.Image(geometry)], CaseBuilder.Label(geometry), CaseBuilder.Settings(geometry.Spacing));

        Assert.Equal(new Box3(3, 2, 1, 27, 24, 11), result.Metadata.CropBox.ToBox3());
        Assert.Equal(new Shape3(24, 22, 10), result.Channels[0].Shape);
        Assert.Equal([0, 1, 2], result.Metadata.Reorientation.Source);
        Assert.Equal([true, true, false], result.Metadata.Reorientation.Flip);
        Assert.Equal("LPS", result.Metadata.OriginalOrientation);
    }

    [Fact]
    public void Two_channels_crop_to_the_union_of_their_nonzero_boxes()
    {
        var geometry = CaseTestGrids.Ras(new Shape3(20, 20, 10), Vector3D.One);
        var a = new Volume<float>(geometry);
        var b = new Volume<float>(geometry);
        CaseTestGrids.Fill(a, 2, 3, 4, 5, 6, 7, 1f);
        CaseTestGrids.Fill(b, 10, 11, 1, 12, 13, 2, 1f);
        var result = CasePreprocessor.Run([a, b], CaseTestGrids.Settings(Vector3D.One, ChannelNormalization.None, ChannelNormalization.None));

        Assert.Equal(new Box3(2, 3, 1, 12, 13, 7), result.Metadata.CropBox.ToBox3());
    }

    /// <summary>
    /// 40×40×20 at 1×1×2 mm, expand_by 3 mm → margins 3, 3, ⌈3/2⌉ = 2 voxels; patch 16×16×4 at 1×1×2 mm → at
    /// least 16, 16, 4 voxels. Foreground x [10,15) → [7,18) (11) → grown by 5 → [5,21); y [20,22) → [17,25)
    /// → grown by 8 → [13,29); z [8,10) → [6,12) (6 ≥ 4). Near the edge, x [0,3) → [0,6) → [−5,11) → shifted [0,16).
    /// </summary>
    [Theory]
    [InlineData(10, 15, 20, 22, 8, 10, 5, 21, 13, 29, 6, 12)]
    [InlineData(0, 3, 37, 40, 0, 1, 0, 16, 24, 40, 0, 4)]
    public void Lbd_crops_the_foreground_box_plus_margin_grown_to_a_patch(
        int x0, int x1, int y0, int y1, int z0, int z1, int ex0, int ex1, int ey0, int ey1, int ez0, int ez1)
    {
        var geometry = CaseTestGrids.Ras(new Shape3(40, 40, 20), new Vector3D(1, 1, 2));
        var label = new Volume<byte>(geometry);
        CaseTestGrids.Fill(label, x0, y0, z0, x1, y1, z1, (byte)1);
        // Label 5 is remapped to background, so it must not widen the box.
        CaseTestGrids.Fill(label, 30, 2, 15, 32, 4, 17, (byte)5);
        var settings = CaseTestGrids.Settings(new Vector3D(1, 1, 2)) with
        {
            Mode = CaseMode.Lbd,
            ExpandByMm = 3,
            PatchSize = new Shape3(16, 16, 4),
            Remapping = new LabelRemap(new Dictionary<int, int> { [5] = 0 }),
        };
        var result = CasePreprocessor.Run([CaseTestGrids.Filled(geometry, 1)], label, settings);

        var expected = new Box3(ex0, ey0, ez0, ex1, ey1, ez1);
        Assert.Equal(expected, result.Metadata.CropBox.ToBox3());
        Assert.Equal(expected.Size, result.Label!.Shape);
        Assert.DoesNotContain((byte)5, result.Label.Data);
    }

    [Fact]
    public void Lbd_without_foreground_is_reported_with_its_reason()
    {
        var geometry = CaseTestGrids.Ras(new Shape3(8, 8, 8), Vector3D.One);
        var settings = CaseTestGrids.Settings(Vector3D.One) with { Mode = CaseMode.Lbd, PatchSize = new Shape3(4, 4, 4) };
        var error = Assert.Throws<ArgumentException>(() => CasePreprocessor.Run([CaseTestGrids.Filled(geometry, 1)], new Volume<byte>(geometry), settings));
        Assert.Contains("foreground", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Whole_mode_resizes_the_cropped_image_to_exactly_the_patch_shape()
    {
        // The nonzero block is 24×22×10 voxels of 0.8×1.0×3.0 mm = 19.2×22×30 mm.
        var geometry = CaseBuilder.Geometry("LPS");
        var settings = CaseBuilder.Settings(Vector3D.One, CaseMode.Whole) with { PatchSize = new Shape3(16, 16, 8) };
        var result = CasePreprocessor.Run([CaseBuilder.Image(geometry)], CaseBuilder.Label(geometry), settings);

        Assert.Equal(new Shape3(16, 16, 8), result.Channels[0].Shape);
        Assert.Equal(new Shape3(16, 16, 8), result.Label!.Shape);
        var spacing = result.Channels[0].Geometry.Spacing;
        Assert.True(spacing.MaxAbsDifference(new Vector3D(19.2 / 16, 22.0 / 16, 30.0 / 8)) < 1e-9, spacing.ToString());
        Assert.Equal([19.2 / 16, 22.0 / 16, 30.0 / 8], result.Metadata.TargetSpacing, (a, b) => Math.Abs(a - b) < 1e-9);

        // The way back lands on the original grid.
        var back = CaseInverter.ToOriginal(result.Label, result.Metadata);
        Assert.Equal(geometry, back.Geometry);
        Assert.True(CaseBuilder.Dice(CaseBuilder.Label(geometry), back, 1) > 0.8);
    }

    [Fact]
    public void Source_level_remapping_swaps_labels_and_sends_unmapped_ones_to_the_default()
    {
        var geometry = CaseTestGrids.Ras(new Shape3(6, 6, 6), Vector3D.One);
        var label = new Volume<int>(geometry);
        CaseTestGrids.Fill(label, 0, 0, 0, 6, 6, 1, 1);
        CaseTestGrids.Fill(label, 0, 0, 1, 6, 6, 2, 2);
        CaseTestGrids.Fill(label, 0, 0, 2, 6, 6, 3, 3);
        CaseTestGrids.Fill(label, 0, 0, 3, 6, 6, 4, 4);
        CaseTestGrids.Fill(label, 0, 0, 4, 6, 6, 5, 300);
        var map = new Dictionary<int, int> { [1] = 2, [2] = 1, [3] = 3, [300] = 5 };
        var image = CaseTestGrids.Filled(geometry, 1);

        var withDefault = CasePreprocessor.Run([image], label, CaseTestGrids.Settings(Vector3D.One) with { Remapping = new LabelRemap(map, 0) });
        var keep = CasePreprocessor.Run([image], label, CaseTestGrids.Settings(Vector3D.One) with { Remapping = new LabelRemap(map) });

        byte[] Slices(Volume<byte> v) => [.. Enumerable.Range(0, 6).Select(z => v[0, 0, z])];
        Assert.Equal([2, 1, 3, 0, 5, 0], Slices(withDefault.Label!));
        Assert.Equal([2, 1, 3, 4, 5, 0], Slices(keep.Label!));
        Assert.Equal(0, withDefault.Metadata.Remapping!.UnmappedTo);
    }

    [Fact]
    public void Labels_that_do_not_fit_a_byte_after_remapping_are_refused()
    {
        var geometry = CaseTestGrids.Ras(new Shape3(4, 4, 4), Vector3D.One);
        var label = new Volume<int>(geometry);
        label.Data[0] = 300;
        Assert.Throws<ArgumentException>(() => CasePreprocessor.Run([CaseTestGrids.Filled(geometry, 1)], label, CaseTestGrids.Settings(Vector3D.One)));
    }
}
