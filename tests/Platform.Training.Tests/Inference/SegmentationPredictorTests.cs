using Platform.Imaging.Geometry;
using Platform.Imaging.IO;
using Platform.Imaging.Volumes;
using Platform.Preprocessing.Cases;
using Platform.Training.Inference;
using Platform.Training.Postprocessing;
using Platform.Training.Tests.Support;

namespace Platform.Training.Tests.Inference;

/// <summary>
/// End to end through CasePreprocessor, sliding-window inference, the inverter and the NIfTI writer. Channel 0 of
/// every image holds the reference label as a value, and the fake network returns its one-hot encoding, so the
/// only way to get the reference back is to undo every preprocessing step correctly.
/// </summary>
public sealed class SegmentationPredictorTests
{
    private static readonly Shape3 Shape = new(22, 18, 9);
    private static readonly Vector3D Spacing = new(0.8, 1.0, 3.0);

    private static VolumeGeometry Oblique() => new(Shape, Spacing, new Vector3D(-12.5, 40, 7.25), TestVolumes.ObliqueFlipped(20, 12));

    /// <summary>Voxel axes permuted (x runs superior, y left, z posterior) and flipped, different spacing.</summary>
    private static VolumeGeometry PermutedFlipped() => new(
        new Shape3(9, 22, 18), new Vector3D(2.5, 0.9, 1.1), new Vector3D(3, -8, 20),
        Matrix3.FromColumns(new Vector3D(0, 0, -1), new Vector3D(1, 0, 0), new Vector3D(0, 1, 0)));

    /// <summary>Labels 1 and 2 as world-round ellipsoids and a box of 3, inside a nonzero block smaller than the image.</summary>
    private static Volume<byte> Label(VolumeGeometry geometry)
    {
        var label = new Volume<byte>(geometry);
        var s = geometry.Shape;
        var c = new Vector3D(s.X / 2.0, s.Y / 2.0, s.Z / 2.0);
        for (var z = 0; z < s.Z; z++)
            for (var y = 0; y < s.Y; y++)
                for (var x = 0; x < s.X; x++)
                {
                    var mm = new Vector3D(x - c.X, y - c.Y, z - c.Z).Scale(geometry.Spacing);
                    if ((mm - new Vector3D(-4, 0, 0)).Length <= 5.5)
                        label[x, y, z] = 1;
                    else if ((mm - new Vector3D(5, 2, 0)).Length <= 4.5)
                        label[x, y, z] = 2;
                    else if (Math.Abs(mm.X) <= 2 && mm.Y is > 5.5 and < 8.5 && Math.Abs(mm.Z) <= 3.5)
                        label[x, y, z] = 3;
                }

        return label;
    }

    /// <summary>Two channels: the label as a value, and a positive block around it (so cropping has work to do).</summary>
    private static Volume<float>[] Channels(Volume<byte> label)
    {
        var values = label.ConvertTo<float>();
        var block = new Volume<float>(label.Geometry);
        var s = label.Shape;
        TestVolumes.Fill(block, 1, 1, 1, s.X - 1, s.Y - 1, s.Z - 1, 5f);
        for (var i = 0; i < block.Data.Length; i++)
            if (label.Data[i] != 0)
                block.Data[i] = 5f;
        return [values, block];
    }

    private static PredictorSettings Settings(Vector3D? targetSpacing, Shape3 patch) => new()
    {
        Preprocessing = new CasePreprocessingSettings
        {
            TargetSpacing = targetSpacing ?? Vector3D.One,
            Normalization = [ChannelNormalization.None, ChannelNormalization.None],
        },
        SlidingWindow = new SlidingWindowSettings { PatchSize = patch, MirrorAxes = SlidingWindowSettings.AllAxes, TileBatchSize = 4 },
    };

    private static Vector3D ReorientedSpacing(VolumeGeometry geometry) =>
        Reorientation.ApplyToGeometry(geometry, Reorientation.Plan(geometry, "RAS")).Spacing;

    [Fact]
    public void Folder_prediction_writes_each_case_in_its_original_geometry_and_reports_bad_cases()
    {
        using var folder = new TempFolder();
        var input = folder.Sub("images");
        var output = folder.Sub("predictions");
        var oblique = Oblique();
        var obliqueLabel = Label(oblique);
        var obliqueChannels = Channels(obliqueLabel);
        ImageFile.Write(Path.Combine(input, "obl_0000.nii.gz"), obliqueChannels[0]);
        ImageFile.Write(Path.Combine(input, "obl_0001.nii.gz"), obliqueChannels[1]);
        var permuted = PermutedFlipped();
        var permutedLabel = Label(permuted);
        ImageFile.Write(Path.Combine(input, "perm.nii.gz"), new VolumeStack(Channels(permutedLabel))); // one 4D file
        ImageFile.Write(Path.Combine(input, "onechannel_0000.nii.gz"), obliqueChannels[0]);        // the plan wants two
        File.WriteAllBytes(Path.Combine(input, "broken.nii.gz"), [1, 2, 3, 4]);

        // Each image keeps its own spacing (in RAS order), so the pipeline is reorient + crop: the way back is exact.
        var settings = Settings(ReorientedSpacing(oblique), new Shape3(8, 8, 4));
        var report = SegmentationPredictor.PredictFolder(input, output, [SlidingWindowInferenceTests.OneHotOfChannelZero(4)], settings);
        var permutedReport = SegmentationPredictor.PredictFolder(input, folder.Sub("perm"), [SlidingWindowInferenceTests.OneHotOfChannelZero(4)],
            Settings(ReorientedSpacing(permuted), new Shape3(8, 8, 4)));

        var byCase = report.Cases.ToDictionary(c => c.CaseId);
        Assert.Equal(["broken", "obl", "onechannel", "perm"], byCase.Keys.Order(StringComparer.Ordinal));
        Assert.True(byCase["obl"].Succeeded, byCase["obl"].Error);
        Assert.True(byCase["perm"].Succeeded, byCase["perm"].Error);
        Assert.Contains("onechannel", byCase["onechannel"].Error, StringComparison.Ordinal);
        Assert.Contains("plan expects 2", byCase["onechannel"].Error, StringComparison.Ordinal);
        Assert.Contains("broken", byCase["broken"].Error, StringComparison.Ordinal);
        Assert.Equal(2, report.Failed.Count());

        AssertWrittenLikeReference(byCase["obl"].OutputPath!, Path.Combine(input, "obl_0000.nii.gz"), obliqueLabel);
        var perm = permutedReport.Cases.Single(c => c.CaseId == "perm");
        Assert.True(perm.Succeeded, perm.Error);
        AssertWrittenLikeReference(perm.OutputPath!, Path.Combine(input, "perm.nii.gz"), permutedLabel);
    }

    [Fact]
    public void Resampled_prediction_comes_back_close_to_the_reference()
    {
        var oblique = Oblique();
        var label = Label(oblique);

        var predicted = SegmentationPredictor.PredictCase(Channels(label), [SlidingWindowInferenceTests.OneHotOfChannelZero(4)],
            Settings(new Vector3D(1.2, 1.2, 2.0), new Shape3(8, 8, 6)));

        Assert.Equal(oblique, predicted.Geometry);
        for (byte l = 1; l <= 3; l++)
            Assert.True(TestVolumes.Dice(label, predicted, l) >= 0.8, $"label {l}: Dice {TestVolumes.Dice(label, predicted, l):F3}");
    }

    [Fact]
    public void Class_labels_and_postprocessing_are_applied_to_the_written_labels()
    {
        var oblique = Oblique();
        var label = Label(oblique);
        var settings = Settings(ReorientedSpacing(oblique), new Shape3(8, 8, 4)) with
        {
            ClassLabels = [0, 7, 8, 9],
            Postprocessing = new PostprocessingPlan { Labels = [new LabelPostprocessing(9, MinimumVoxels: 100_000)] },
        };

        var predicted = SegmentationPredictor.PredictCase(Channels(label), [SlidingWindowInferenceTests.OneHotOfChannelZero(4)], settings);

        for (var i = 0; i < label.Data.Length; i++)
            Assert.Equal(label.Data[i] switch { 1 => 7, 2 => 8, _ => 0 }, predicted.Data[i]); // label 3 → 9 → dusted away
    }

    private static void AssertWrittenLikeReference(string outputPath, string inputPath, Volume<byte> reference)
    {
        var written = ImageFile.ReadVolume(outputPath);
        var original = ImageFile.Read(inputPath).Geometry;
        Assert.Equal(original.Shape, written.Geometry.Shape);
        Assert.True(written.Geometry.IsSameSpace(original, 1e-5), $"written {written.Geometry} vs input {original}");
        var labels = Assert.IsType<Volume<byte>>(written);
        var wrong = Enumerable.Range(0, reference.Data.Length).Count(i => reference.Data[i] != labels.Data[i]);
        Assert.True(wrong == 0, $"{wrong} voxels differ from the reference");
        Assert.Contains((byte)3, labels.Data);
    }
}
