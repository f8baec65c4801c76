using Platform.Imaging.Volumes;
using Platform.Preprocessing.Storage;

namespace Platform.Preprocessing.Tests.Storage;

public sealed class PreprocessedCaseStorageTests
{
    private static readonly Shape3 CaseShape = new(23, 17, 11);
    private const string Metadata = "{ \"spacingBefore\" : [1.0, 0.5,3],\n  \"name\": \"caf\\u00e9 ü\", \"nested\": {\"b\": 1, \"a\": null} }";

    private static (Volume<float>[] Channels, Volume<byte> Label) WriteCase(string folder, string caseId = "case_001", int channels = 2)
    {
        var images = Enumerable.Range(0, channels).Select(c => StorageTestData.Channel(CaseShape, 10 + c)).ToArray();
        var label = StorageTestData.Label(CaseShape, 99);
        PreprocessedCaseWriter.Write(folder, caseId, images, label, Metadata);
        return (images, label);
    }

    [Fact]
    public void Round_trip_is_exact_for_voxels_shape_geometry_and_metadata()
    {
        using var temp = new TempFolder();
        var (channels, label) = WriteCase(temp.Path);

        using var reader = PreprocessedCaseReader.Open(temp.Path, "case_001");

        Assert.Equal(CaseShape, reader.Shape);
        Assert.Equal(2, reader.Channels);
        Assert.True(reader.HasLabel);
        Assert.Equal(channels[0].Geometry, reader.Geometry);
        Assert.Equal(Metadata, reader.MetadataJson);
        for (var c = 0; c < 2; c++)
            Assert.Equal(channels[c].Data, reader.ReadChannel(c).Data);
        Assert.Equal(label.Data, reader.ReadLabel()!.Data);
        Assert.True(File.Exists(Path.Combine(temp.Path, "case_001.img")));
        Assert.True(File.Exists(Path.Combine(temp.Path, "case_001.seg")));
        Assert.True(File.Exists(Path.Combine(temp.Path, "case_001.json")));
        Assert.Equal(PreprocessedCaseFormat.HeaderBytes + (2L * CaseShape.VoxelCount * 4), new FileInfo(Path.Combine(temp.Path, "case_001.img")).Length);
    }

    [Fact]
    public void Image_file_is_channel_major_float32_little_endian_after_the_header()
    {
        using var temp = new TempFolder();
        var (channels, _) = WriteCase(temp.Path);

        var bytes = File.ReadAllBytes(Path.Combine(temp.Path, "case_001.img"));
        var floats = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(bytes.AsSpan(PreprocessedCaseFormat.HeaderBytes));

        Assert.Equal(channels[0].Data, floats[..channels[0].Data.Length].ToArray());
        Assert.Equal(channels[1].Data, floats[channels[0].Data.Length..].ToArray());
    }

    [Fact]
    public void Case_without_label_has_no_seg_file_and_label_reads_fail_clearly()
    {
        using var temp = new TempFolder();
        WriteCase(temp.Path);
        PreprocessedCaseWriter.Write(temp.Path, "case_001", [StorageTestData.Channel(CaseShape, 1)], null, "{}");

        using var reader = PreprocessedCaseReader.Open(temp.Path, "case_001");

        Assert.False(reader.HasLabel);
        Assert.Null(reader.ReadLabel());
        Assert.False(File.Exists(Path.Combine(temp.Path, "case_001.seg")));
        var e = Assert.Throws<InvalidOperationException>(() => reader.ReadLabelPatch(new byte[8], new VoxelIndex(0, 0, 0), new Shape3(2, 2, 2)));
        Assert.Contains("no label", e.Message, StringComparison.Ordinal);
        Assert.Equal("{}", reader.MetadataJson);
    }

    [Fact]
    public void Patch_inside_matches_direct_indexing()
    {
        using var temp = new TempFolder();
        var (channels, label) = WriteCase(temp.Path);
        using var reader = PreprocessedCaseReader.Open(temp.Path, "case_001");
        var size = new Shape3(5, 4, 3);

        var image = new float[2 * size.VoxelCount];
        reader.ReadImagePatch(image, new VoxelIndex(3, 2, 1), size);
        var labels = new byte[size.VoxelCount];
        reader.ReadLabelPatch(labels, new VoxelIndex(3, 2, 1), size);

        Assert.Equal(StorageTestData.ExpectedPatch(channels[0], 3, 2, 1, size, 0f), image[..(int)size.VoxelCount]);
        Assert.Equal(StorageTestData.ExpectedPatch(channels[1], 3, 2, 1, size, 0f), image[(int)size.VoxelCount..]);
        Assert.Equal(StorageTestData.ExpectedPatch(label, 3, 2, 1, size, (byte)0), labels);
        Assert.Equal(channels[0][3, 2, 1], image[0]);
        Assert.Equal(channels[0][7, 5, 3], image[^((int)size.VoxelCount + 1)]);
    }

    [Fact]
    public void Patch_across_an_edge_is_padded_with_the_pad_value_and_label_zero()
    {
        using var temp = new TempFolder();
        var (channels, label) = WriteCase(temp.Path);
        using var reader = PreprocessedCaseReader.Open(temp.Path, "case_001");
        var size = new Shape3(8, 8, 8);

        foreach (var start in new[] { new VoxelIndex(-3, -2, -5), new VoxelIndex(19, 12, 7), new VoxelIndex(-4, 10, 9) })
        {
            var image = new float[size.VoxelCount];
            reader.ReadImagePatch(1, image, start, size, padValue: -1024f);
            var labels = new byte[size.VoxelCount];
            reader.ReadLabelPatch(labels, start, size);

            Assert.Equal(StorageTestData.ExpectedPatch(channels[1], start.X, start.Y, start.Z, size, -1024f), image);
            Assert.Equal(StorageTestData.ExpectedPatch(label, start.X, start.Y, start.Z, size, (byte)0), labels);
            Assert.Contains(-1024f, image);
            Assert.Contains((byte)0, labels);
        }
    }

    [Fact]
    public void Patch_fully_outside_is_all_padding_and_larger_than_case_patch_contains_it()
    {
        using var temp = new TempFolder();
        var (channels, _) = WriteCase(temp.Path);
        using var reader = PreprocessedCaseReader.Open(temp.Path, "case_001");

        var outside = Enumerable.Repeat(123f, 2 * 27).ToArray();
        reader.ReadImagePatch(outside, new VoxelIndex(100, 0, 0), new Shape3(3, 3, 3), padValue: 5f);
        Assert.All(outside, v => Assert.Equal(5f, v));
        var labels = Enumerable.Repeat((byte)7, 27).ToArray();
        reader.ReadLabelPatch(labels, new VoxelIndex(0, -10, 0), new Shape3(3, 3, 3));
        Assert.All(labels, v => Assert.Equal(0, v));

        var big = new Shape3(CaseShape.X + 6, CaseShape.Y + 2, CaseShape.Z + 9);
        var all = new float[big.VoxelCount];
        reader.ReadImagePatch(0, all, new VoxelIndex(-3, -1, -4), big);
        Assert.Equal(StorageTestData.ExpectedPatch(channels[0], -3, -1, -4, big, 0f), all);
    }

    [Fact]
    public void Random_patches_match_direct_indexing_of_the_original_volume()
    {
        using var temp = new TempFolder();
        var (channels, label) = WriteCase(temp.Path);
        using var reader = PreprocessedCaseReader.Open(temp.Path, "case_001");
        var random = new Random(20261123);

        for (var n = 0; n < 300; n++)
        {
            var size = new Shape3(random.Next(1, 30), random.Next(1, 22), random.Next(1, 15));
            var start = new VoxelIndex(random.Next(-size.X, CaseShape.X + 1), random.Next(-size.Y, CaseShape.Y + 1), random.Next(-size.Z, CaseShape.Z + 1));
            var pad = n % 2 == 0 ? 0f : -7.5f;
            var image = new float[2 * size.VoxelCount];
            reader.ReadImagePatch(image, start, size, pad);
            var labels = new byte[size.VoxelCount];
            reader.ReadLabelPatch(labels, start, size);

            var count = (int)size.VoxelCount;
            Assert.Equal(StorageTestData.ExpectedPatch(channels[0], start.X, start.Y, start.Z, size, pad), image[..count]);
            Assert.Equal(StorageTestData.ExpectedPatch(channels[1], start.X, start.Y, start.Z, size, pad), image[count..]);
            Assert.Equal(StorageTestData.ExpectedPatch(label, start.X, start.Y, start.Z, size, (byte)0), labels);
        }
    }

    [Fact]
    public void Patch_arguments_are_validated()
    {
        using var temp = new TempFolder();
        WriteCase(temp.Path);
        using var reader = PreprocessedCaseReader.Open(temp.Path, "case_001");

        Assert.Throws<ArgumentOutOfRangeException>(() => reader.ReadImagePatch(new float[100], new VoxelIndex(0, 0, 0), new Shape3(0, 2, 2)));
        Assert.Throws<ArgumentOutOfRangeException>(() => reader.ReadLabelPatch(new byte[100], new VoxelIndex(0, 0, 0), new Shape3(2, -1, 2)));
        var small = Assert.Throws<ArgumentException>(() => reader.ReadImagePatch(new float[15], new VoxelIndex(0, 0, 0), new Shape3(2, 2, 2)));
        Assert.Contains("need 16", small.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => reader.ReadLabelPatch(new byte[7], new VoxelIndex(0, 0, 0), new Shape3(2, 2, 2)));
        Assert.Throws<ArgumentOutOfRangeException>(() => reader.ReadImagePatch(2, new float[8], new VoxelIndex(0, 0, 0), new Shape3(2, 2, 2)));
        Assert.Throws<ArgumentOutOfRangeException>(() => reader.ReadImagePatch(-1, new float[8], new VoxelIndex(0, 0, 0), new Shape3(2, 2, 2)));
        Assert.Equal(16, reader.ImagePatchLength(new Shape3(2, 2, 2)));
    }

    [Fact]
    public void Writer_validates_its_arguments()
    {
        using var temp = new TempFolder();
        var a = StorageTestData.Channel(CaseShape, 1);
        var other = StorageTestData.Channel(new Shape3(3, 3, 3), 2);

        Assert.Throws<ArgumentException>(() => PreprocessedCaseWriter.Write(temp.Path, "c", [], null, "{}"));
        Assert.Throws<ArgumentException>(() => PreprocessedCaseWriter.Write(temp.Path, "c", [a, other], null, "{}"));
        Assert.Throws<ArgumentException>(() => PreprocessedCaseWriter.Write(temp.Path, "c", [a], StorageTestData.Label(new Shape3(3, 3, 3), 1), "{}"));
        Assert.Throws<ArgumentException>(() => PreprocessedCaseWriter.Write(temp.Path, "c", [a], null, "{not json"));
        Assert.Throws<ArgumentException>(() => PreprocessedCaseWriter.Write(temp.Path, "../c", [a], null, "{}"));
        Assert.Throws<ArgumentException>(() => PreprocessedCaseWriter.Write(temp.Path, "..", [a], null, "{}"));
        Assert.Empty(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void Missing_case_fails_with_the_path()
    {
        using var temp = new TempFolder();

        var e = Assert.Throws<FileNotFoundException>(() => PreprocessedCaseReader.Open(temp.Path, "nope"));

        Assert.Contains("nope.json", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_image_fails_naming_the_file()
    {
        using var temp = new TempFolder();
        WriteCase(temp.Path);
        var img = Path.Combine(temp.Path, "case_001.img");
        using (var stream = new FileStream(img, FileMode.Open))
            stream.SetLength(stream.Length - 4);

        var e = Assert.Throws<InvalidDataException>(() => PreprocessedCaseReader.Open(temp.Path, "case_001"));

        Assert.Contains(img, e.Message, StringComparison.Ordinal);
        Assert.Contains("truncated", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Label_truncated_into_its_header_fails_naming_the_file()
    {
        using var temp = new TempFolder();
        WriteCase(temp.Path);
        var seg = Path.Combine(temp.Path, "case_001.seg");
        using (var stream = new FileStream(seg, FileMode.Open))
            stream.SetLength(10);

        var e = Assert.Throws<InvalidDataException>(() => PreprocessedCaseReader.Open(temp.Path, "case_001"));

        Assert.Contains(seg, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Files_from_different_writes_are_detected_as_mismatched()
    {
        using var temp = new TempFolder();
        using var other = new TempFolder();
        WriteCase(temp.Path);
        WriteCase(other.Path);
        var img = Path.Combine(temp.Path, "case_001.img");
        File.Copy(Path.Combine(other.Path, "case_001.img"), img, overwrite: true);

        var e = Assert.Throws<InvalidDataException>(() => PreprocessedCaseReader.Open(temp.Path, "case_001"));

        Assert.Contains(img, e.Message, StringComparison.Ordinal);
        Assert.Contains("another write", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Image_with_the_wrong_shape_or_a_corrupt_json_fails_naming_the_file()
    {
        using var temp = new TempFolder();
        WriteCase(temp.Path);
        var json = Path.Combine(temp.Path, "case_001.json");
        var text = File.ReadAllText(json);
        File.WriteAllText(json, text.Replace("\"x\": 23", "\"x\": 24", StringComparison.Ordinal));

        var shape = Assert.Throws<InvalidDataException>(() => PreprocessedCaseReader.Open(temp.Path, "case_001"));
        Assert.Contains(Path.Combine(temp.Path, "case_001.img"), shape.Message, StringComparison.Ordinal);

        File.WriteAllText(json, text[..(text.Length / 2)]);
        var corrupt = Assert.Throws<InvalidDataException>(() => PreprocessedCaseReader.Open(temp.Path, "case_001"));
        Assert.Contains(json, corrupt.Message, StringComparison.Ordinal);

        File.WriteAllBytes(Path.Combine(temp.Path, "case_001.img"), new byte[200]);
        File.WriteAllText(json, text);
        var magic = Assert.Throws<InvalidDataException>(() => PreprocessedCaseReader.Open(temp.Path, "case_001"));
        Assert.Contains("magic", magic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Leftover_temporary_files_are_ignored_and_can_be_cleaned()
    {
        using var temp = new TempFolder();
        var (channels, _) = WriteCase(temp.Path);
        // An interrupted rewrite: partial temporaries beside the complete case, and a case that only has temporaries.
        File.WriteAllBytes(Path.Combine(temp.Path, $"case_001.img.{Guid.NewGuid():N}.tmp"), new byte[100]);
        File.WriteAllText(Path.Combine(temp.Path, $"case_001.json.{Guid.NewGuid():N}.tmp"), "{\"trunc");
        File.WriteAllBytes(Path.Combine(temp.Path, $"case_002.img.{Guid.NewGuid():N}.tmp"), new byte[100]);

        using (var reader = PreprocessedCaseReader.Open(temp.Path, "case_001"))
            Assert.Equal(channels[0].Data, reader.ReadChannel(0).Data);
        Assert.Throws<FileNotFoundException>(() => PreprocessedCaseReader.Open(temp.Path, "case_002"));

        Assert.Equal(3, PreprocessedCaseWriter.DeleteTemporaryFiles(temp.Path));
        string[] expected = ["case_001.img", "case_001.json", "case_001.seg"];
        Assert.Equal(expected, Directory.GetFiles(temp.Path).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void Successful_write_leaves_no_temporaries_and_rewrite_replaces_the_case()
    {
        using var temp = new TempFolder();
        WriteCase(temp.Path);
        var replacement = StorageTestData.Channel(CaseShape, 777);
        PreprocessedCaseWriter.Write(temp.Path, "case_001", [replacement], StorageTestData.Label(CaseShape, 5), "[1,2]");

        Assert.Empty(Directory.GetFiles(temp.Path, "*.tmp"));
        using var reader = PreprocessedCaseReader.Open(temp.Path, "case_001");
        Assert.Equal(1, reader.Channels);
        Assert.Equal(replacement.Data, reader.ReadChannel(0).Data);
        Assert.Equal("[1,2]", reader.MetadataJson);
    }

    [Fact]
    public void Open_reader_keeps_its_data_while_the_case_is_rewritten()
    {
        using var temp = new TempFolder();
        var (channels, _) = WriteCase(temp.Path);
        using var reader = PreprocessedCaseReader.Open(temp.Path, "case_001");

        PreprocessedCaseWriter.Write(temp.Path, "case_001", [StorageTestData.Channel(CaseShape, 3)], null, "{}");

        // Rename replaces the directory entry; the mapped old file stays intact for the open reader.
        Assert.Equal(channels[1].Data, reader.ReadChannel(1).Data);
    }

    [Fact]
    public void Concurrent_readers_and_a_shared_reader_read_correct_patches()
    {
        using var temp = new TempFolder();
        var (channels, label) = WriteCase(temp.Path);
        using var shared = PreprocessedCaseReader.Open(temp.Path, "case_001");
        var size = new Shape3(7, 6, 5);

        Parallel.For(0, 16, new ParallelOptions { MaxDegreeOfParallelism = 8 }, worker =>
        {
            using var own = PreprocessedCaseReader.Open(temp.Path, "case_001");
            var random = new Random(worker);
            for (var n = 0; n < 50; n++)
            {
                var reader = n % 2 == 0 ? own : shared;
                var start = new VoxelIndex(random.Next(-7, 24), random.Next(-6, 18), random.Next(-5, 12));
                var image = new float[size.VoxelCount];
                var c = random.Next(2);
                reader.ReadImagePatch(c, image, start, size);
                var labels = new byte[size.VoxelCount];
                reader.ReadLabelPatch(labels, start, size);
                Assert.Equal(StorageTestData.ExpectedPatch(channels[c], start.X, start.Y, start.Z, size, 0f), image);
                Assert.Equal(StorageTestData.ExpectedPatch(label, start.X, start.Y, start.Z, size, (byte)0), labels);
            }
        });
    }
}
