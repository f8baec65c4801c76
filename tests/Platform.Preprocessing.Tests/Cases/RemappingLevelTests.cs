using Platform.Imaging.Geometry;
using Platform.Imaging.Volumes;
using Platform.Preprocessing.Cases;

namespace Platform.Preprocessing.Tests.Cases;

/// <summary>
/// FRAN's remapping levels on a 20×20×10 RAS grid at 1 mm (no resampling, so labels can be checked voxel by voxel):
/// label 1 in [2,6)×[2,6)×[2,4), label 2 in [10,14)×[10,14)×[5,7); the imported map has 7 in [14,18)×[3,7)×[1,3)
/// and 9 in [3,5)×[14,16)×[7,9).
/// </summary>
public sealed class RemappingLevelTests
{
    private static readonly VolumeGeometry Grid = CaseTestGrids.Ras(new Shape3(20, 20, 10), Vector3D.One);

    [Fact]
    public void Remapping_source_applies_in_every_mode_and_stays_in_the_native_label()
    {
        var settings = Settings(CaseMode.Source) with { Remapping = new LabelRemap(new Dictionary<int, int> { [1] = 3 }) };
        var result = CasePreprocessor.Run(new CaseInput([Image()], Label()), settings);

        Assert.Equal(3, result.NativeLabel![3, 3, 2]);
        Assert.Equal(2, result.NativeLabel[11, 11, 5]);
        Assert.Equal(Grid, result.NativeLabel.Geometry);
        Assert.Equal(32, Count(result.Label!, 3));
        Assert.Equal(0, Count(result.Label!, 1));
    }

    [Fact]
    public void Remapping_lbd_applies_after_remapping_source_in_lbd_mode_only()
    {
        var source = new LabelRemap(new Dictionary<int, int> { [1] = 3 });
        var lbdRemap = new LabelRemap(new Dictionary<int, int> { [3] = 5, [2] = 0 });
        var lbd = CasePreprocessor.Run(new CaseInput([Image()], Label()), Settings(CaseMode.Lbd) with { Remapping = source, LbdRemapping = lbdRemap });
        var plain = CasePreprocessor.Run(new CaseInput([Image()], Label()), Settings(CaseMode.Source) with { Remapping = source, LbdRemapping = lbdRemap });

        // 1 → 3 → 5; 2 → 0, so the lbd box is label 1's [2,6)×[2,6)×[2,4) grown to the 8×8×4 patch.
        Assert.Equal([0, 5], Values(lbd.NativeLabel!));
        Assert.Equal(new Box3(0, 0, 1, 8, 8, 5), lbd.Metadata.CropBox.ToBox3());
        Assert.Equal(lbdRemap, lbd.Metadata.LbdRemapping);
        Assert.Equal([0, 2, 3], Values(plain.NativeLabel!));
        Assert.Null(plain.Metadata.LbdRemapping);
    }

    [Fact]
    public void Lbd_crops_around_the_imported_map_after_remapping_imported_which_zeroes_unlisted_labels()
    {
        var settings = Settings(CaseMode.Lbd) with { ImportedRemapping = new LabelRemap(new Dictionary<int, int> { [7] = 1 }) };
        var result = CasePreprocessor.Run(new CaseInput([Image()], Label(), Imported()), settings);

        // 9 is unlisted → 0, so only 7's box [14,18)×[3,7)×[1,3) counts, grown to 8×8×4 → [12,20)×[1,9)×[0,4).
        Assert.Equal(new Box3(12, 1, 0, 20, 9, 4), result.Metadata.CropBox.ToBox3());
        Assert.True(result.Metadata.HadImportedLabels);
        Assert.False(result.Metadata.MergedImportedLabels);
        Assert.Equal(0, result.Metadata.ImportedRemapping!.UnmappedTo);
        // Not merged: the stored label is the case's own.
        Assert.Equal([0, 1, 2], Values(result.NativeLabel!));
    }

    [Fact]
    public void Merging_writes_imported_foreground_only_where_the_label_is_background()
    {
        var imported = Imported();
        CaseTestGrids.Fill(imported, 2, 2, 2, 4, 4, 3, (byte)9); // overlaps label 1: label must win there
        var settings = Settings(CaseMode.Source) with
        {
            ImportedRemapping = new LabelRemap(new Dictionary<int, int> { [7] = 4, [9] = 6 }),
            MergeImportedLabels = true,
        };
        var result = CasePreprocessor.Run(new CaseInput([Image()], Label(), imported), settings);

        var native = result.NativeLabel!;
        Assert.Equal(1, native[2, 2, 2]);   // label kept where both have foreground
        Assert.Equal(4, native[15, 4, 1]);  // imported 7 → 4 where the label is background
        Assert.Equal(6, native[3, 14, 7]);  // imported 9 → 6
        Assert.Equal(32, Count(native, 1));
        Assert.Equal(16 * 2, Count(native, 4));
        Assert.Equal(4 * 2, Count(native, 6));
        Assert.True(result.Metadata.MergedImportedLabels);
        Assert.Equal(Count(native, 4), Count(result.Label!, 4));
    }

    [Fact]
    public void Imported_labels_are_kept_as_they_are_without_remapping_imported()
    {
        var result = CasePreprocessor.Run(new CaseInput([Image()], null, Imported()), Settings(CaseMode.Source) with { MergeImportedLabels = true });
        Assert.Equal([0, 7, 9], Values(result.NativeLabel!));
    }

    [Fact]
    public void A_label_that_does_not_fit_a_byte_after_remapping_is_reported_with_its_value()
    {
        var label = new Volume<short>(Grid);
        CaseTestGrids.Fill(label, 1, 1, 1, 3, 3, 3, (short)300);
        var error = Assert.Throws<ArgumentException>(() => CasePreprocessor.Run(new CaseInput([Image()], label), Settings(CaseMode.Source)));
        Assert.Contains("label 300", error.Message, StringComparison.Ordinal);

        var remapped = CasePreprocessor.Run(
            new CaseInput([Image()], label), Settings(CaseMode.Source) with { Remapping = new LabelRemap(new Dictionary<int, int> { [300] = 2 }) });
        Assert.Equal(8, Count(remapped.Label!, 2));
    }

    private static CasePreprocessingSettings Settings(CaseMode mode) => new()
    {
        TargetSpacing = Vector3D.One,
        Normalization = [ChannelNormalization.None],
        Mode = mode,
        PatchSize = new Shape3(8, 8, 4),
        CropToNonzero = false,
    };

    private static Volume<float> Image() => CaseTestGrids.Filled(Grid, 1);

    private static Volume<byte> Label()
    {
        var label = new Volume<byte>(Grid);
        CaseTestGrids.Fill(label, 2, 2, 2, 6, 6, 4, (byte)1);
        CaseTestGrids.Fill(label, 10, 10, 5, 14, 14, 7, (byte)2);
        return label;
    }

    private static Volume<byte> Imported()
    {
        var imported = new Volume<byte>(Grid);
        CaseTestGrids.Fill(imported, 14, 3, 1, 18, 7, 3, (byte)7);
        CaseTestGrids.Fill(imported, 3, 14, 7, 5, 16, 9, (byte)9);
        return imported;
    }

    private static int Count(Volume<byte> label, byte value) => label.Data.Count(v => v == value);

    private static byte[] Values(Volume<byte> label) => [.. label.Data.Distinct().Order()];
}
