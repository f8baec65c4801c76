using Platform.Imaging.Volumes;
using Platform.Training.Data;

namespace Platform.Training.Tests.Data;

/// <summary>
/// FRAN's sampling columns in the batch sampler: fg_indices_exclude (labels never centring a patch), nnz_allowed
/// (empty cases left out), samples_per_file (several patches per drawn case) and use_fg_indices (centres from the
/// stored locations, or from the label map). Cases carry their number in the image (case k is constant k + 1), so a
/// patch tells which case it came from, or their voxels' positions; no augmentation, so the patch centre is the chosen voxel.
/// </summary>
public sealed class PlanSamplingTests
{
    private static readonly Shape3 CaseShape = new(24, 24, 24);
    private static readonly Shape3 Patch = new(5, 5, 5);
    private static readonly int PatchVoxels = (int)Patch.VoxelCount;
    private static readonly int Centre = 2 + (5 * (2 + (5 * 2)));

    [Fact]
    public void An_excluded_label_never_centres_a_foreground_patch_but_still_trains()
    {
        // An "organ" (label 1, a 10³ block) and a "lesion" (label 2, one voxel at its edge).
        var organAndLesion = Case(0, (x, y, z) => (byte)(x == 15 && y == 15 && z == 15 ? 2 : x is >= 3 and < 13 && y is >= 3 and < 13 && z is >= 3 and < 13 ? 1 : 0));

        var plain = CentreLabels([organAndLesion], new() { BatchSize = 1, PatchSize = Patch, OversampleForeground = 1, Workers = 1, Seed = 3 });
        var excluded = CentreLabels([organAndLesion], new() { BatchSize = 1, PatchSize = Patch, OversampleForeground = 1, Workers = 1, Seed = 3, ExcludedForegroundLabels = [1] });

        Assert.Equal(new byte[] { 1, 2 }, plain.Distinct().Order().ToArray());
        Assert.All(excluded, label => Assert.Equal(2, label));
    }

    [Fact]
    public void Without_nnz_allowed_cases_with_an_empty_label_map_are_never_drawn()
    {
        var labelled = Case(0, (x, y, z) => (byte)(x < 4 ? 1 : 0));
        var empty = Case(1, (_, _, _) => 0);
        BatchLoaderOptions options = new() { BatchSize = 2, PatchSize = Patch, OversampleForeground = 0, Workers = 1, Seed = 9 };

        var allowed = CasesDrawn([labelled, empty], options, batches: 30);
        var leftOut = CasesDrawn([labelled, empty], options with { IncludeEmptyCases = false }, batches: 30);

        Assert.Equal(new[] { 0, 1 }, allowed.Distinct().Order().ToArray());
        Assert.All(leftOut, c => Assert.Equal(0, c));
        var refused = Assert.Throws<ArgumentException>(() => new BatchLoader([empty], options with { IncludeEmptyCases = false }));
        Assert.Contains("nnz_allowed", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Samples_per_file_cuts_consecutive_samples_of_a_batch_from_one_drawn_case()
    {
        InMemoryTrainingCase[] cases = [.. Enumerable.Range(0, 4).Select(k => Case(k, (x, _, _) => (byte)(x < 4 ? 1 : 0)))];
        BatchLoaderOptions options = new() { BatchSize = 4, PatchSize = Patch, OversampleForeground = 0, Workers = 1, Seed = 21 };

        var one = Batches(cases, options, 20).Select(b => SampleCases(b)).ToList();
        var two = Batches(cases, options with { SamplesPerCase = 2 }, 20).Select(b => SampleCases(b)).ToList();

        Assert.All(two, b => Assert.True(b[0] == b[1] && b[2] == b[3], $"Batch cases {string.Join(",", b)}: pairs must share their case."));
        // One draw per sample: over 20 batches of 4 cases, some neighbouring samples differ (all alike has chance (1/4)^40).
        Assert.Contains(one, b => b[0] != b[1] || b[2] != b[3]);
    }

    [Fact]
    public void Without_stored_locations_centres_come_from_the_label_map_not_from_the_stored_sample()
    {
        // Label 1 at two voxels; the stored locations (a capped sample, as preprocessing keeps) list only the first.
        var a = new VoxelIndex(6, 6, 6);
        var b = new VoxelIndex(17, 17, 17);
        var labels = Labels((x, y, z) => (byte)((x, y, z) == (a.X, a.Y, a.Z) || (x, y, z) == (b.X, b.Y, b.Z) ? 1 : 0));
        var sampled = new InMemoryTrainingCase("sampled", CaseShape, PositionImage(), labels, new Dictionary<int, VoxelIndex[]> { [1] = [a] });
        BatchLoaderOptions options = new() { BatchSize = 1, PatchSize = Patch, OversampleForeground = 1, Workers = 1, Seed = 4 };

        var stored = Batches([sampled], options, 30).Select(CentreVoxelOf).ToHashSet();
        var fromMap = Batches([sampled], options with { StoredForegroundLocations = false }, 30).Select(CentreVoxelOf).ToHashSet();

        Assert.Equal(new HashSet<VoxelIndex> { a }, stored);
        Assert.Equal(new HashSet<VoxelIndex> { a, b }, fromMap);
        // A case with no stored locations at all still gets foreground patches from its label map.
        var unsampled = new InMemoryTrainingCase("unsampled", CaseShape, PositionImage(), labels, new Dictionary<int, VoxelIndex[]>());
        Assert.All(CentreLabels([unsampled], options with { StoredForegroundLocations = false }), l => Assert.Equal(1, l));
    }

    /// <summary>The label at the patch centre of each of 40 single-sample batches.</summary>
    private static List<byte> CentreLabels(ITrainingCase[] cases, BatchLoaderOptions options) =>
        [.. Batches(cases, options, 40).Select(batch => batch.Labels[Centre])];

    private static List<int> CasesDrawn(ITrainingCase[] cases, BatchLoaderOptions options, int batches) =>
        [.. Batches(cases, options, batches).SelectMany(SampleCases)];

    /// <summary>The case each sample was cut from (its image is case number + 1 inside the case).</summary>
    private static int[] SampleCases(TrainingBatch batch) =>
        [.. Enumerable.Range(0, batch.BatchSize).Select(s => (int)batch.Images.AsSpan(s * PatchVoxels, PatchVoxels).ToArray().Max() - 1)];

    /// <summary>
    /// Where a single-sample batch's centre lies in its case: these patches never touch the case border, so the
    /// <see cref="PositionImage"/> there says it.
    /// </summary>
    private static VoxelIndex CentreVoxelOf(TrainingBatch batch)
    {
        var code = (int)batch.Images[Centre] - 1000;
        return new VoxelIndex(code % CaseShape.X, code / CaseShape.X % CaseShape.Y, code / (CaseShape.X * CaseShape.Y));
    }

    private static List<TrainingBatch> Batches(ITrainingCase[] cases, BatchLoaderOptions options, int count)
    {
        using var loader = new BatchLoader(cases, options);
        return [.. Enumerable.Range(0, count).Select(_ => loader.Take())];
    }

    private static InMemoryTrainingCase Case(int number, Func<int, int, int, byte> label) =>
        new($"case-{number}", CaseShape, Image(number), Labels(label));

    /// <summary>Case <paramref name="number"/>'s image: number + 1 everywhere.</summary>
    private static float[] Image(int number) => [.. Enumerable.Repeat(number + 1f, (int)CaseShape.VoxelCount)];

    /// <summary>An image holding 1000 + each voxel's flat index.</summary>
    private static float[] PositionImage() => [.. Enumerable.Range(0, (int)CaseShape.VoxelCount).Select(i => 1000f + i)];

    private static byte[] Labels(Func<int, int, int, byte> label)
    {
        var labels = new byte[CaseShape.VoxelCount];
        for (int z = 0, i = 0; z < CaseShape.Z; z++)
            for (var y = 0; y < CaseShape.Y; y++)
                for (var x = 0; x < CaseShape.X; x++, i++)
                    labels[i] = label(x, y, z);
        return labels;
    }
}
