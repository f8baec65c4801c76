using Platform.Imaging.Volumes;
using Platform.Preprocessing.Datasets;
using Platform.Preprocessing.Storage;
using Platform.Preprocessing.Tests.Storage;

namespace Platform.Preprocessing.Tests.Datasets;

public sealed class PatchModeTests
{
    [Theory]
    [InlineData(10, 4, 0.25, new[] { 0, 3, 6 })]        // step 3: (10 − 4) / 3 = 2 steps → 3 patches
    [InlineData(11, 4, 0.25, new[] { 0, 2, 5, 7 })]     // ⌈7 / 3⌉ + 1 = 4 patches, 7/3 apart, rounded
    [InlineData(8, 4, 0.0, new[] { 0, 4 })]             // no overlap: exact tiling
    [InlineData(4, 4, 0.5, new[] { 0 })]                // exactly one patch
    [InlineData(3, 4, 0.5, new[] { 0 })]                // shorter than the patch: one, clipped
    [InlineData(9, 4, 0.5, new[] { 0, 2, 3, 5 })]       // step 2: ⌈5/2⌉ + 1 = 4, 5/3 apart → 0, 1.67, 3.33, 5
    public void Grid_starts_cover_the_axis_with_the_last_patch_flush(int extent, int patch, double overlap, int[] expected)
    {
        var starts = PatchGrid.Starts(extent, patch, overlap);
        Assert.Equal(expected, starts);
        Assert.Equal(Math.Max(0, extent - patch), starts[^1]);
    }

    [Fact]
    public void Overlap_outside_0_to_1_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PatchGrid.Starts(10, 4, 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => PatchGrid.Starts(10, 4, -0.1));
    }

    [Fact]
    public async Task Patches_of_a_source_run_hold_the_source_voxels_and_name_their_origin()
    {
        using var input = new TempFolder();
        using var source = new TempFolder();
        using var patches = new TempFolder();
        var request = new DatasetPreprocessingRequest
        {
            OutputFolder = source.Path,
            Cases = [DatasetTestCases.Write(input.Path, "a")],
            Settings = DatasetTestCases.Settings(),
        };
        await DatasetPreprocessor.RunAsync(request);

        // The stored case is 20×16×8; patches 12×12×8 with overlap 0.25 → x starts 0, 8; y starts 0, 4; z 0.
        var report = await PatchDatasetCutter.RunAsync(new PatchDatasetRequest
        {
            SourceFolder = source.Path,
            OutputFolder = patches.Path,
            PatchSize = new Shape3(12, 12, 8),
            Overlap = 0.25,
        });

        Assert.Equal((1, 1, 0), (report.Total, report.Processed, report.Failed));
        Assert.Equal(["a_x0_y0_z0", "a_x0_y4_z0", "a_x8_y0_z0", "a_x8_y4_z0"], PreprocessedCaseRecords.CompleteCaseIds(patches.Path));
        Assert.Equal(4, report.Summary.CaseCount);

        using var whole = PreprocessedCaseReader.Open(source.Path, "a");
        var size = new Shape3(12, 12, 8);
        var expectedImage = new float[size.VoxelCount];
        var expectedLabel = new byte[size.VoxelCount];
        whole.ReadImagePatch(expectedImage, new VoxelIndex(8, 4, 0), size);
        whole.ReadLabelPatch(expectedLabel, new VoxelIndex(8, 4, 0), size);
        using var patch = PreprocessedCaseReader.Open(patches.Path, "a_x8_y4_z0");
        var image = new float[size.VoxelCount];
        var label = new byte[size.VoxelCount];
        patch.ReadImagePatch(image, new VoxelIndex(0, 0, 0), size);
        patch.ReadLabelPatch(label, new VoxelIndex(0, 0, 0), size);
        Assert.Equal(expectedImage, image);
        Assert.Equal(expectedLabel, label);
        Assert.Equal(whole.Geometry.IndexToWorld(8, 4, 0), patch.Geometry.Origin);

        var record = PreprocessedCaseRecords.FromReader(patch);
        Assert.Equal(new PatchOrigin("a", [8, 4, 0], [12, 12, 8]), record.Patch, new PatchOriginComparer());
        Assert.Equal(PreprocessedCaseRecords.Read(source.Path, "a").Metadata.CropBox.Min, record.Metadata.CropBox.Min);
        // Label 2 sits at [10,14)×[8,12)×[4,6) of the stored case → [2,6)×[4,8)×[4,6) of this patch: 32 voxels.
        Assert.Equal(32, record.Statistics.LabelVoxels[2]);

        var again = await PatchDatasetCutter.RunAsync(new PatchDatasetRequest { SourceFolder = source.Path, OutputFolder = patches.Path, PatchSize = size });
        Assert.Equal((0, 1), (again.Processed, again.Skipped));
    }

    private sealed class PatchOriginComparer : IEqualityComparer<PatchOrigin?>
    {
        public bool Equals(PatchOrigin? x, PatchOrigin? y) =>
            x is not null && y is not null && x.SourceCaseId == y.SourceCaseId && x.Start.SequenceEqual(y.Start) && x.Size.SequenceEqual(y.Size);

        public int GetHashCode(PatchOrigin? obj) => obj?.SourceCaseId.GetHashCode(StringComparison.Ordinal) ?? 0;
    }
}
